import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders a citizen asked for in chat (6月30日前提醒我…): one row per reminder, keyed by the id dialogue derived
 * from the citizen's message (so a replayed request is the same row). What to remind of is the citizen's own words and
 * may hold personal data: stored encrypted. The partial index is what the sweep reads: the reminders not yet sent.
 */
export class CreateReminders1764345000000 implements MigrationInterface {
  name = 'CreateReminders1764345000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notifier"."reminders" (
        "id" uuid PRIMARY KEY,
        "conversation_id" uuid NOT NULL,
        "citizen_id" varchar(64) NOT NULL,
        "channel" varchar(16) NOT NULL,
        "remind_date" date NOT NULL,
        "due_at" timestamptz NOT NULL,
        "subject_cipher" text NOT NULL,
        "lang" varchar(8) NOT NULL,
        "elder_mode" boolean NOT NULL DEFAULT false,
        "state" varchar(16) NOT NULL DEFAULT 'scheduled'
          CONSTRAINT "reminders_state" CHECK ("state" IN ('scheduled', 'sent', 'cancelled')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "cancelled_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "reminders_scheduled" ON "notifier"."reminders" ("due_at") WHERE "state" = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "reminders_by_conversation" ON "notifier"."reminders" ("conversation_id") WHERE "state" = 'scheduled'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifier"."reminders"`);
  }
}
