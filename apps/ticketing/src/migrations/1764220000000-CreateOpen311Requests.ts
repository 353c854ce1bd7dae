import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpen311Requests1764220000000 implements MigrationInterface {
  name = 'CreateOpen311Requests1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What an Open311 request brings beyond its ticket, under the ticket's source_command_id: written just before
    // the ticket, so a ticket never exists without it (no foreign key, then). The submitter's details are personal
    // data: SM4 ciphertexts only (FieldCipher). The client is a fingerprint of its api_key, never the key.
    await queryRunner.query(`
      CREATE TABLE "ticketing"."open311_requests" (
        "source_command_id" uuid PRIMARY KEY,
        "client" text NOT NULL,
        "submitted_at" timestamptz NOT NULL,
        "address_cipher" text,
        "address_id" text,
        "media_url" text,
        "email_cipher" text,
        "phone_cipher" text,
        "first_name_cipher" text,
        "last_name_cipher" text,
        "device_id_cipher" text,
        "account_id_cipher" text
      )`);
    // GET requests.json lists the newest requests of a date range across all departments.
    await queryRunner.query(`CREATE INDEX "tickets_by_accepted_at" ON "ticketing"."tickets" ("accepted_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ticketing"."tickets_by_accepted_at"`);
    await queryRunner.query(`DROP TABLE "ticketing"."open311_requests"`);
  }
}
