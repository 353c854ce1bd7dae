import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { verifyAuditLog } from '@libs/common/audit/verify-audit-log';
import { configOrExit, runMain } from '@libs/common/bootstrap/start-app';
import { infrastructureFields } from '@libs/common/config/config-fields';

/**
 * Checks an app's audit trail: every row unchanged, none missing.
 *   npm run audit:verify -- --schema gateway [--expect-head <seq>:<hash>]
 * --expect-head takes a head printed by an earlier run (or logged with "staff signed in"), to see deleted newest rows.
 * Exit code 0 when intact, 1 otherwise.
 */
runMain('audit:verify', async () => {
  const { values } = parseArgs({ options: { schema: { type: 'string' }, 'expect-head': { type: 'string' } } });
  const schema = z.enum(['gateway', 'ticketing', 'notifier', 'dialogue']).parse(values.schema);
  const head = values['expect-head']?.match(/^(\d+):([0-9a-f]{64})$/);
  if (values['expect-head'] && !head) throw new Error('--expect-head must be <seq>:<64 hex digits>');
  const { DATABASE_URL } = configOrExit('audit:verify', z.object({ DATABASE_URL: infrastructureFields.DATABASE_URL }));
  const dataSource = await new DataSource({ type: 'postgres', url: DATABASE_URL }).initialize();
  try {
    const result = await verifyAuditLog(dataSource, schema, head ? { seq: Number(head[1]), hash: head[2] } : undefined);
    process.stdout.write(`${JSON.stringify({ schema, ...result })}\n`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
});
