import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1764210000000 implements MigrationInterface {
  name = 'CreateOutbox1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Events written in the same transaction as the change they announce, sent afterwards: a crash between commit
    // and send leaves them here for the relay, and a replayed command finds the events it already caused.
    await queryRunner.query(`
      CREATE TABLE "ticketing"."outbox" (
        "id" uuid PRIMARY KEY,
        "cause_id" text NOT NULL,
        "topic" text NOT NULL,
        "envelope" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "outbox_by_cause" ON "ticketing"."outbox" ("cause_id")`);
    await queryRunner.query(
      `CREATE INDEX "outbox_unsent" ON "ticketing"."outbox" ("created_at") WHERE "sent_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticketing"."outbox"`);
  }
}
