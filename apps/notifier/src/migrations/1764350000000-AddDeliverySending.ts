import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries get a state between queued and sent: sending, from the claim until the vendor's answer. A row still
 * sending long after its claim was left by a worker that died; the partial index is what the sweep reads to queue
 * it again (there are only ever a few such rows, however many deliveries there are).
 */
export class AddDeliverySending1764350000000 implements MigrationInterface {
  name = 'AddDeliverySending1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // NOT VALID, then VALIDATE: the check of the existing rows does not hold up the fan-out's writes meanwhile.
    await queryRunner.query(`
      ALTER TABLE "notifier"."deliveries" DROP CONSTRAINT "deliveries_state_check",
        ADD CONSTRAINT "deliveries_state_check"
          CHECK ("state" IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled')) NOT VALID`);
    await queryRunner.query(`ALTER TABLE "notifier"."deliveries" VALIDATE CONSTRAINT "deliveries_state_check"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_sending" ON "notifier"."deliveries" ("sent_at") WHERE "state" = 'sending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifier"."deliveries_sending"`);
    await queryRunner.query(`UPDATE "notifier"."deliveries" SET "state" = 'sent' WHERE "state" = 'sending'`);
    await queryRunner.query(`
      ALTER TABLE "notifier"."deliveries" DROP CONSTRAINT "deliveries_state_check",
        ADD CONSTRAINT "deliveries_state_check"
          CHECK ("state" IN ('queued', 'sent', 'delivered', 'failed', 'cancelled'))`);
  }
}
