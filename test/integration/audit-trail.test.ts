import { DataSource } from 'typeorm';
import { createAuditLogSql } from '@libs/common/audit/audit-log.sql';
import { AuditTrail } from '@libs/common/audit/audit-trail';
import { verifyAuditLog } from '@libs/common/audit/verify-audit-log';
import { testInfrastructure } from '../support/test-infrastructure';

let dataSource: DataSource;
let trail: AuditTrail;

beforeAll(async () => {
  const url = await testInfrastructure().freshDatabase('audit');
  dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  await dataSource.query('CREATE SCHEMA "office"');
  for (const statement of createAuditLogSql('office')) await dataSource.query(statement);
  trail = new AuditTrail(dataSource, 'office');
});
afterAll(() => dataSource?.destroy());

const entry = (n: number) => ({
  actor: `staff-${n}`,
  action: 'ticket.personal_data.read',
  subject: `ticket:GD2026112600000${n}`,
  reason: '回访核实',
  traceId: `trace-${n}`,
});

/** Changes the table behind the trigger's back, as someone with the database owner's rights could. */
async function tamper(sql: string) {
  await dataSource.transaction(async (tx) => {
    await tx.query(`ALTER TABLE "office"."audit_log" DISABLE TRIGGER USER`);
    await tx.query(sql);
    await tx.query(`ALTER TABLE "office"."audit_log" ENABLE TRIGGER USER`);
  });
}

describe('the audit trail', () => {
  it('chains concurrent records without gaps and verifies', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, n) => trail.record(entry(n))));
    const result = await verifyAuditLog(dataSource, 'office');
    expect(result).toMatchObject({ ok: true, rows: 20, head: { seq: 20 } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(dataSource.query(`UPDATE "office"."audit_log" SET reason = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM "office"."audit_log" WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE "office"."audit_log"`)).rejects.toThrow(/append-only/);
  });

  it('detects a changed row', async () => {
    const [{ actor }] = await dataSource.query(`SELECT actor FROM "office"."audit_log" WHERE seq = 5`);
    await tamper(`UPDATE "office"."audit_log" SET actor = 'someone-else' WHERE seq = 5`);
    expect(await verifyAuditLog(dataSource, 'office')).toMatchObject({ ok: false, seq: 5, problem: 'row changed' });
    await tamper(`UPDATE "office"."audit_log" SET actor = '${actor}' WHERE seq = 5`);
    expect(await verifyAuditLog(dataSource, 'office')).toMatchObject({ ok: true });
  });

  it('detects a deleted row, and deleted newest rows against a recorded head', async () => {
    const before = await verifyAuditLog(dataSource, 'office');
    if (!before.ok || !before.head) throw new Error('expected a valid chain');
    await tamper(`DELETE FROM "office"."audit_log" WHERE seq = 20`);
    expect(await verifyAuditLog(dataSource, 'office')).toMatchObject({ ok: true, rows: 19 });
    expect(await verifyAuditLog(dataSource, 'office', before.head)).toMatchObject({
      ok: false,
      problem: 'rows after 19 missing',
    });
    await tamper(`DELETE FROM "office"."audit_log" WHERE seq = 7`);
    expect(await verifyAuditLog(dataSource, 'office')).toMatchObject({ ok: false, seq: 7, problem: 'row missing' });
  });
});
