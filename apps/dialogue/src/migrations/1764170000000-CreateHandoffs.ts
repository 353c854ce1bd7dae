import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHandoffs1764170000000 implements MigrationInterface {
  name = 'CreateHandoffs1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dialogue"."handoffs" (
        "id" uuid PRIMARY KEY,
        "conversation_id" uuid NOT NULL,
        "channel" text NOT NULL,
        "lang" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('waiting', 'active', 'returned', 'closed')),
        "reason" text NOT NULL,
        "is_priority" boolean NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "taken_by" text,
        "taken_at" timestamptz,
        "ended_at" timestamptz,
        "ended_by" text
      )`);
    // A conversation is with at most one person (or waiting for one) at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "handoffs_one_open_per_conversation" ON "dialogue"."handoffs" ("conversation_id")
         WHERE "status" IN ('waiting', 'active')`,
    );
    await queryRunner.query(
      `CREATE INDEX "handoffs_queue" ON "dialogue"."handoffs" ("is_priority" DESC, "requested_at") WHERE "status" = 'waiting'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dialogue"."handoffs"`);
  }
}
