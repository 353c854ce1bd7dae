import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTicketLifecycle1764200000000 implements MigrationInterface {
  name = 'AddTicketLifecycle1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "ticketing"."tickets"
        ADD COLUMN "sign_due_at" timestamptz,
        ADD COLUMN "signed_at" timestamptz,
        ADD COLUMN "resolved_at" timestamptz,
        ADD COLUMN "reply_cipher" text,
        ADD COLUMN "rating" smallint CHECK ("rating" BETWEEN 1 AND 5),
        ADD COLUMN "rating_reason" text,
        ADD COLUMN "reopen_count" integer NOT NULL DEFAULT 0,
        ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT now()`);
    // Who did what to a ticket, when and why: every change, in order, never edited.
    await queryRunner.query(`
      CREATE TABLE "ticketing"."ticket_history" (
        "id" bigserial PRIMARY KEY,
        "ticket_id" uuid NOT NULL REFERENCES "ticketing"."tickets" ("id"),
        "at" timestamptz NOT NULL,
        "actor" text NOT NULL,
        "action" text NOT NULL,
        "from_status" text,
        "to_status" text NOT NULL,
        "reason" text,
        "details" jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE INDEX "ticket_history_by_ticket" ON "ticketing"."ticket_history" ("ticket_id", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "ticketing"."ticket_extensions" (
        "id" uuid PRIMARY KEY,
        "ticket_id" uuid NOT NULL REFERENCES "ticketing"."tickets" ("id"),
        "working_days" integer NOT NULL CHECK ("working_days" BETWEEN 1 AND 30),
        "reason" text NOT NULL,
        "requested_by" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "decision" text CHECK ("decision" IN ('approved', 'refused')),
        "decided_by" text,
        "decided_at" timestamptz,
        "decision_reason" text
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ticket_extensions_one_pending" ON "ticketing"."ticket_extensions" ("ticket_id") WHERE "decision" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "ticketing"."ticket_supervisions" (
        "id" uuid PRIMARY KEY,
        "ticket_id" uuid NOT NULL REFERENCES "ticketing"."tickets" ("id"),
        "notice" text NOT NULL,
        "issued_by" text NOT NULL,
        "issued_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "tickets_open_by_deadline" ON "ticketing"."tickets" ("due_at") WHERE "status" IN ('created', 'assigned', 'accepted', 'in_progress', 'returned')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ticketing"."tickets_open_by_deadline"`);
    await queryRunner.query(`DROP TABLE "ticketing"."ticket_supervisions"`);
    await queryRunner.query(`DROP TABLE "ticketing"."ticket_extensions"`);
    await queryRunner.query(`DROP TABLE "ticketing"."ticket_history"`);
    await queryRunner.query(`
      ALTER TABLE "ticketing"."tickets"
        DROP COLUMN "sign_due_at", DROP COLUMN "signed_at", DROP COLUMN "resolved_at", DROP COLUMN "reply_cipher",
        DROP COLUMN "rating", DROP COLUMN "rating_reason", DROP COLUMN "reopen_count", DROP COLUMN "updated_at"`);
  }
}
