import { DataSource } from 'typeorm';
import { GENESIS_HASH, auditHash } from './audit-trail';

export type AuditVerification =
  | { ok: true; rows: number; head: { seq: number; hash: string } | null }
  | { ok: false; rows: number; seq: number; problem: string };

/**
 * Walks the chain from the first row. A changed row no longer matches its hash; a deleted row leaves a gap in seq
 * or a broken link. Deleting the newest rows leaves a valid shorter chain: compare the head with one recorded
 * earlier (the app logs the head of every append) to see that.
 */
export async function verifyAuditLog(
  dataSource: DataSource,
  schema: string,
  expectedHead?: { seq: number; hash: string },
): Promise<AuditVerification> {
  const pageSize = 1000;
  let previous = { seq: 0, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const page: Array<Record<string, string | Date>> = await dataSource.query(
      `SELECT seq, occurred_at, actor, action, subject, reason, trace_id, prev_hash, hash
         FROM "${schema}"."audit_log" WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [previous.seq, pageSize],
    );
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== previous.seq + 1) return { ok: false, rows, seq: previous.seq + 1, problem: 'row missing' };
      if (row.prev_hash !== previous.hash) return { ok: false, rows, seq, problem: 'chain broken before this row' };
      const recomputed = auditHash({
        seq,
        occurredAt: new Date(row.occurred_at),
        actor: String(row.actor),
        action: String(row.action),
        subject: String(row.subject),
        reason: String(row.reason),
        traceId: String(row.trace_id),
        prevHash: String(row.prev_hash),
      });
      if (recomputed !== row.hash) return { ok: false, rows, seq, problem: 'row changed' };
      previous = { seq, hash: String(row.hash) };
      rows += 1;
    }
    if (page.length < pageSize) break;
  }
  if (expectedHead) {
    if (previous.seq < expectedHead.seq) {
      return { ok: false, rows, seq: previous.seq + 1, problem: `rows after ${previous.seq} missing` };
    }
    const [atExpected] = await dataSource.query(`SELECT hash FROM "${schema}"."audit_log" WHERE seq = $1`, [
      expectedHead.seq,
    ]);
    if (atExpected?.hash !== expectedHead.hash) {
      return { ok: false, rows, seq: expectedHead.seq, problem: 'head differs from the one recorded' };
    }
  }
  return { ok: true, rows, head: rows > 0 ? previous : null };
}
