import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogSql, dropAuditLogSql } from '@libs/common/audit/audit-log.sql';

export class CreateGatewayTables1764150000000 implements MigrationInterface {
  name = 'CreateGatewayTables1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."conversations" (
        "id" uuid PRIMARY KEY,
        "channel" text NOT NULL,
        "citizen_id" text NOT NULL,
        "lang" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."messages" (
        "id" uuid PRIMARY KEY,
        "conversation_id" uuid NOT NULL REFERENCES "gateway"."conversations" ("id"),
        "direction" text NOT NULL CHECK ("direction" IN ('in', 'out')),
        "platform_message_id" text,
        "in_reply_to" uuid,
        "text_cipher" text NOT NULL,
        "quick_replies" jsonb,
        "end_of_turn" boolean,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "messages_platform_message_id_once" UNIQUE ("conversation_id", "platform_message_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "messages_by_conversation" ON "gateway"."messages" ("conversation_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "messages_by_reply_to" ON "gateway"."messages" ("in_reply_to") WHERE "in_reply_to" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "gateway"."staff_accounts" (
        "id" uuid PRIMARY KEY,
        "username" text NOT NULL UNIQUE,
        "display_name" text NOT NULL,
        "password_hash" text NOT NULL,
        "roles" text[] NOT NULL,
        "department_code" text,
        "is_disabled" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    for (const statement of createAuditLogSql('gateway')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropAuditLogSql('gateway')) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "gateway"."staff_accounts"`);
    await queryRunner.query(`DROP TABLE "gateway"."messages"`);
    await queryRunner.query(`DROP TABLE "gateway"."conversations"`);
  }
}
