import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketProgress1764190000000 implements MigrationInterface {
  name = 'CreateTicketProgress1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What dialogue knows of the work orders opened from its conversations, from ticket.events.v1: enough to answer
    // 我的投诉进展 without asking ticketing.
    await queryRunner.query(`
      CREATE TABLE "dialogue"."ticket_progress" (
        "ticket_no" text PRIMARY KEY,
        "conversation_id" uuid NOT NULL,
        "department_name" text NOT NULL,
        "status" text NOT NULL,
        "accepted_at" timestamptz NOT NULL,
        "working_days" integer NOT NULL,
        "due_at" timestamptz,
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ticket_progress_by_conversation" ON "dialogue"."ticket_progress" ("conversation_id", "accepted_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dialogue"."ticket_progress"`);
  }
}
