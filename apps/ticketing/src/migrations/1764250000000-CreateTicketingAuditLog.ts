import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogSql, dropAuditLogSql } from '@libs/common/audit/audit-log.sql';

/** Who opened a ticket's personal data, when and why: ticketing's own append-only, hash-chained audit trail. */
export class CreateTicketingAuditLog1764250000000 implements MigrationInterface {
  name = 'CreateTicketingAuditLog1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of createAuditLogSql('ticketing')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropAuditLogSql('ticketing')) await queryRunner.query(statement);
  }
}
