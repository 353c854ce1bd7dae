import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** Who did what to whose personal data, and why. */
export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  reason: string;
  traceId: string;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    record.seq,
    record.occurredAt.toISOString(),
    record.actor,
    record.action,
    record.subject,
    record.reason,
    record.traceId,
    record.prevHash,
  ]);
  return createHash('sm3').update(canonical).digest('hex');
}

/**
 * Appends to the hash-chained audit table of one schema. Appends are serialised by a transaction-scoped advisory
 * lock, so seq has no gaps: a gap can only mean a deleted row.
 */
export class AuditTrail {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Pass the manager of a running transaction to make the record part of it. */
  async record(entry: AuditEntry, manager?: EntityManager, now = new Date()): Promise<AuditRecord> {
    const append = async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}.audit_log`]);
      const [last] = await tx.query(`SELECT seq, hash FROM "${this.schema}"."audit_log" ORDER BY seq DESC LIMIT 1`);
      const draft = {
        ...entry,
        seq: last ? Number(last.seq) + 1 : 1,
        occurredAt: now,
        prevHash: last ? String(last.hash) : GENESIS_HASH,
      };
      const record = { ...draft, hash: auditHash(draft) };
      await tx.query(
        `INSERT INTO "${this.schema}"."audit_log"
           (seq, occurred_at, actor, action, subject, reason, trace_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          record.seq,
          record.occurredAt,
          record.actor,
          record.action,
          record.subject,
          record.reason,
          record.traceId,
          record.prevHash,
          record.hash,
        ],
      );
      return record;
    };
    return manager ? append(manager) : this.dataSource.transaction(append);
  }
}
