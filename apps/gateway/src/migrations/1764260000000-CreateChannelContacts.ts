import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChannelContacts1764260000000 implements MigrationInterface {
  name = 'CreateChannelContacts1764260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who a platform conversation is with: the platform's user id (WeCom userid, 微信客服 external_userid, mobile
    // number…), encrypted, found by its blind index; `account` is our side of it (the agent id, the open_kfid).
    // One conversation per channel, account and citizen.
    await queryRunner.query(`
      CREATE TABLE "gateway"."channel_contacts" (
        "channel" text NOT NULL,
        "account" text NOT NULL,
        "address_index" text NOT NULL,
        "address_cipher" text NOT NULL,
        "conversation_id" uuid NOT NULL UNIQUE REFERENCES "gateway"."conversations" ("id"),
        "created_at" timestamptz NOT NULL,
        PRIMARY KEY ("channel", "account", "address_index")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."channel_contacts"`);
  }
}
