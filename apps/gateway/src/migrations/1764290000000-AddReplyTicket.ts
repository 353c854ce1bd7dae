import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply that is news of a ticket keeps the ticket's number, state and time (ReplyV1.ticket): where the channel can
 * no longer send the text (the mini-program's 48-hour window), the sender sends a subscribe message from them.
 */
export class AddReplyTicket1764290000000 implements MigrationInterface {
  name = 'AddReplyTicket1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."messages" ADD COLUMN "ticket" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."messages" DROP COLUMN "ticket"`);
  }
}
