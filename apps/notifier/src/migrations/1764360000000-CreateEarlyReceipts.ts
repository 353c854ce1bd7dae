import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carriers' receipts that name a vendor message id no delivery has yet: most are for messages of other systems on
 * the same vendor account, a few came before the fan-out stored the id the vendor answered with. The sweep applies
 * the latter once their delivery has the id, and forgets the rest after an hour.
 */
export class CreateEarlyReceipts1764360000000 implements MigrationInterface {
  name = 'CreateEarlyReceipts1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notifier"."early_receipts" (
        "id" bigserial PRIMARY KEY,
        "vendor_message_id" text NOT NULL,
        "recipient_phone_index" text,
        "is_delivered" boolean NOT NULL,
        "failure_code" text,
        "reported_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "early_receipts_by_vendor_message" ON "notifier"."early_receipts" ("vendor_message_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifier"."early_receipts"`);
  }
}
