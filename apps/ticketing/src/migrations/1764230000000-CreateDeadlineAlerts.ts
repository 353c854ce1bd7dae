import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `"status" IN ('created', 'assigned', 'accepted', 'in_progress', 'returned')`;

export class CreateDeadlineAlerts1764230000000 implements MigrationInterface {
  name = 'CreateDeadlineAlerts1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 预警: one row per ticket, deadline, kind and level, ever. The unique constraint is what makes an alert fire
    // once, whichever scan (scheduled, triggered, another replica, after a restart) finds it first. A new deadline
    // (延期 approved, 重办, 派单 again) is a new deadline, with alerts of its own.
    await queryRunner.query(`
      CREATE TABLE "ticketing"."deadline_alerts" (
        "id" uuid PRIMARY KEY,
        "ticket_id" uuid NOT NULL REFERENCES "ticketing"."tickets" ("id"),
        "kind" text NOT NULL CHECK ("kind" IN ('sign', 'conclude')),
        "level" text NOT NULL CHECK ("level" IN ('yellow', 'red')),
        "due_at" timestamptz NOT NULL,
        "department_code" text NOT NULL,
        "raised_at" timestamptz NOT NULL,
        CONSTRAINT "deadline_alerts_once" UNIQUE ("ticket_id", "kind", "level", "due_at")
      )`);
    await queryRunner.query(
      `CREATE INDEX "deadline_alerts_by_level" ON "ticketing"."deadline_alerts" ("level", "due_at")`,
    );
    // For each kind and level, the deadline it was last raised for. A ticket leaves a pending index below once
    // alerted, and comes back by itself when its deadline changes (the column then no longer matches), without the
    // code that changes deadlines knowing about alerts. So a scan reads only the tickets still owed an alert, not
    // every open ticket near or past its deadline: over a million open tickets it stays milliseconds when nothing
    // is new. A red alert also settles the yellow one: news that a deadline is near comes too late once it is past.
    await queryRunner.query(`
      ALTER TABLE "ticketing"."tickets"
        ADD COLUMN "conclude_yellow_raised_for" timestamptz,
        ADD COLUMN "conclude_red_raised_for" timestamptz,
        ADD COLUMN "sign_yellow_raised_for" timestamptz,
        ADD COLUMN "sign_red_raised_for" timestamptz`);
    // The scan's queries repeat these predicates word for word (scan-deadlines.use-case.ts), so the planner uses them.
    for (const level of ['yellow', 'red']) {
      await queryRunner.query(`
        CREATE INDEX "tickets_owed_conclude_${level}" ON "ticketing"."tickets" ("due_at")
          WHERE ${OPEN} AND "conclude_${level}_raised_for" IS DISTINCT FROM "due_at"`);
      await queryRunner.query(`
        CREATE INDEX "tickets_owed_sign_${level}" ON "ticketing"."tickets" ("sign_due_at")
          WHERE "status" = 'assigned' AND "sign_${level}_raised_for" IS DISTINCT FROM "sign_due_at"`);
    }
    // The overdue list says per row whether and when the ticket was supervised (督办).
    await queryRunner.query(
      `CREATE INDEX "ticket_supervisions_by_ticket" ON "ticketing"."ticket_supervisions" ("ticket_id", "issued_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ticketing"."ticket_supervisions_by_ticket"`);
    // Dropping the columns drops the tickets_owed_* indexes with them.
    await queryRunner.query(`
      ALTER TABLE "ticketing"."tickets"
        DROP COLUMN "conclude_yellow_raised_for", DROP COLUMN "conclude_red_raised_for",
        DROP COLUMN "sign_yellow_raised_for", DROP COLUMN "sign_red_raised_for"`);
    await queryRunner.query(`DROP TABLE "ticketing"."deadline_alerts"`);
  }
}
