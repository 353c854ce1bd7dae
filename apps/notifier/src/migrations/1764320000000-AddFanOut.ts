import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the fan-out needs beside the deliveries table: when a recipient may be sent to (quiet hours), when an alert's
 * recipients were all selected and queued (so a restart finishes a fan-out it interrupted), and the indexes the
 * recovery sweep and the receipts read by.
 */
export class AddFanOut1764320000000 implements MigrationInterface {
  name = 'AddFanOut1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifier"."deliveries" ADD COLUMN "send_after" timestamptz`);
    await queryRunner.query(`ALTER TABLE "notifier"."alerts" ADD COLUMN "fanned_out_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "notifier"."alerts" ADD COLUMN "targeted" integer`);
    // The sweep looks for what is still queued: a small part of the table once an alert is sent.
    await queryRunner.query(
      `CREATE INDEX "deliveries_queued" ON "notifier"."deliveries" ("alert_id") WHERE "state" = 'queued'`,
    );
    // A receipt names the vendor's message id; Aliyun gives one id to a whole request, hence not unique.
    await queryRunner.query(
      `CREATE INDEX "deliveries_by_vendor_message" ON "notifier"."deliveries" ("vendor_message_id")
        WHERE "vendor_message_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "alerts_not_fanned_out" ON "notifier"."alerts" ("received_at") WHERE "fanned_out_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifier"."alerts_not_fanned_out"`);
    await queryRunner.query(`DROP INDEX "notifier"."deliveries_by_vendor_message"`);
    await queryRunner.query(`DROP INDEX "notifier"."deliveries_queued"`);
    await queryRunner.query(`ALTER TABLE "notifier"."alerts" DROP COLUMN "targeted"`);
    await queryRunner.query(`ALTER TABLE "notifier"."alerts" DROP COLUMN "fanned_out_at"`);
    await queryRunner.query(`ALTER TABLE "notifier"."deliveries" DROP COLUMN "send_after"`);
  }
}
