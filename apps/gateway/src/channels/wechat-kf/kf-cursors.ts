import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Moves an account's cursor forward; kept at once, so a crash later in the pull does not lose the pages done. */
export type KeepCursor = (cursor: string) => Promise<void>;

/**
 * Where sync_msg left off, per 微信客服 account, in Postgres. One pull per account at a time across every gateway
 * process (a session advisory lock, released by Postgres if the process dies): two pulls from the same cursor would
 * fetch the same messages twice, and one of them would store an older cursor over a newer one.
 */
@Injectable()
export class KfCursors {
  constructor(private readonly dataSource: DataSource) {}

  async exclusively<T>(
    openKfId: string,
    work: (cursor: string | undefined, keep: KeepCursor) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lockName = `gateway.wechat_kf_cursors:${openKfId}`;
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockName]);
      try {
        const [row]: Array<{ cursor: string }> = await runner.query(
          `SELECT "cursor" FROM "gateway"."wechat_kf_cursors" WHERE "open_kfid" = $1`,
          [openKfId],
        );
        return await work(row?.cursor, async (cursor) => {
          await runner.query(
            `INSERT INTO "gateway"."wechat_kf_cursors" ("open_kfid", "cursor", "updated_at") VALUES ($1, $2, now())
             ON CONFLICT ("open_kfid") DO UPDATE SET "cursor" = EXCLUDED."cursor", "updated_at" = now()`,
            [openKfId, cursor],
          );
        });
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockName]);
      }
    } finally {
      await runner.release();
    }
  }
}
