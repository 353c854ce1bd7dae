import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboundDeliveries1764270000000 implements MigrationInterface {
  name = 'CreateOutboundDeliveries1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Replies on their way out through a channel's queue. The text stays in gateway.messages (encrypted); a row here
    // is only the delivery: one per reply (message_id unique, so a redelivered Kafka reply is enqueued once), sent in
    // seq order within its conversation. `next_attempt_at`: backoff of a pending row; `lease_until`: how long the
    // worker sending it is trusted before another may take over. `last_error` is redacted by the queue.
    await queryRunner.query(`
      CREATE TABLE "gateway"."outbound_deliveries" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "message_id" uuid NOT NULL UNIQUE REFERENCES "gateway"."messages" ("id") ON DELETE CASCADE,
        "conversation_id" uuid NOT NULL,
        "channel" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'sending', 'sent', 'dead')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz,
        "lease_until" timestamptz,
        "last_error" text,
        "vendor_code" text,
        "platform_message_id" text,
        "manual_retries" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "dead_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbound_deliveries_open_by_conversation" ON "gateway"."outbound_deliveries" ("conversation_id", "seq")
        WHERE "status" IN ('pending', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbound_deliveries_dead_by_channel" ON "gateway"."outbound_deliveries" ("channel", "dead_at")
        WHERE "status" = 'dead'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."outbound_deliveries"`);
  }
}
