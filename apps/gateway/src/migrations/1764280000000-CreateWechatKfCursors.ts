import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWechatKfCursors1764280000000 implements MigrationInterface {
  name = 'CreateWechatKfCursors1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Where 微信客服's sync_msg left off, per customer service account (open_kfid; '' for a pull of every account).
    // Kept after each page, so a restart resumes there instead of pulling three days of messages again.
    await queryRunner.query(`
      CREATE TABLE "gateway"."wechat_kf_cursors" (
        "open_kfid" text PRIMARY KEY,
        "cursor" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."wechat_kf_cursors"`);
  }
}
