import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTicketSummaryAndLocation1764180000000 implements MigrationInterface {
  name = 'AddTicketSummaryAndLocation1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ticketing"."tickets" ADD COLUMN "summary" jsonb, ADD COLUMN "location" jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticketing"."tickets" DROP COLUMN "summary", DROP COLUMN "location"`);
  }
}
