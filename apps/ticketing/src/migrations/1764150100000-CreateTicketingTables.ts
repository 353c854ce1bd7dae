import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketingTables1764150100000 implements MigrationInterface {
  name = 'CreateTicketingTables1764150100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ticketing"."departments" (
        "code" text PRIMARY KEY,
        "name" text NOT NULL,
        "region_code" char(6) NOT NULL,
        "is_default_desk" boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "departments_one_default_desk" ON "ticketing"."departments" ("is_default_desk") WHERE "is_default_desk"`,
    );
    await queryRunner.query(`
      CREATE TABLE "ticketing"."routing_rules" (
        "id" serial PRIMARY KEY,
        "category" text NOT NULL,
        "region_code" char(6) NOT NULL,
        "department_code" text NOT NULL REFERENCES "ticketing"."departments" ("code"),
        CONSTRAINT "routing_rules_one_per_category_and_region" UNIQUE ("category", "region_code")
      )`);
    await queryRunner.query(`CREATE SEQUENCE "ticketing"."ticket_no_seq"`);
    await queryRunner.query(`
      CREATE TABLE "ticketing"."tickets" (
        "id" uuid PRIMARY KEY,
        "ticket_no" text NOT NULL UNIQUE,
        "source_command_id" uuid NOT NULL UNIQUE,
        "conversation_id" uuid NOT NULL,
        "channel" text NOT NULL,
        "citizen_id" text NOT NULL,
        "source_message_id" uuid NOT NULL,
        "lang" text NOT NULL,
        "category" text NOT NULL,
        "region_code" char(6) NOT NULL,
        "description_cipher" text NOT NULL,
        "status" text NOT NULL,
        "department_code" text NOT NULL REFERENCES "ticketing"."departments" ("code"),
        "accepted_at" timestamptz NOT NULL,
        "working_days" integer NOT NULL,
        "due_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(
      `CREATE INDEX "tickets_by_department" ON "ticketing"."tickets" ("department_code", "status", "accepted_at")`,
    );
    await queryRunner.query(`CREATE INDEX "tickets_by_deadline" ON "ticketing"."tickets" ("status", "due_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticketing"."tickets"`);
    await queryRunner.query(`DROP SEQUENCE "ticketing"."ticket_no_seq"`);
    await queryRunner.query(`DROP TABLE "ticketing"."routing_rules"`);
    await queryRunner.query(`DROP TABLE "ticketing"."departments"`);
  }
}
