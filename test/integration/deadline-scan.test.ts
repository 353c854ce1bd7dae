import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { createLogger } from '@libs/common/logging/logger';
import { officialHolidaySchedule } from '../../apps/ticketing/src/calendar/official-holiday-schedule';
import { WorkingDayCalendar } from '../../apps/ticketing/src/calendar/working-day-calendar';
import { ticketingDatabase } from '../../apps/ticketing/src/database';
import { ScanDeadlines } from '../../apps/ticketing/src/escalation/scan-deadlines.use-case';
import { Outbox } from '../../apps/ticketing/src/outbox/outbox';
import { testInfrastructure } from '../support/test-infrastructure';

// The deadline scan on real PostgreSQL and Kafka, when Kafka fails under it: its alerts stay in the outbox for the
// relay, the scan says it failed, and the process lives on (no unhandled rejection, which Node stops a process for).

const logger = createLogger('deadline-scan-test', 'silent');
let dataSource: DataSource;

beforeAll(async () => {
  const db = ticketingDatabase(await testInfrastructure().freshDatabase('deadline_scan'));
  await runMigrations(db, logger);
  dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  await dataSource.query(
    `INSERT INTO ticketing.departments (code, name, region_code) VALUES ('440106-zjj', '天河区住房和建设局', '440106')`,
  );
  // 1,200 tickets past their 办结 deadline: three steps of alerts.
  await dataSource.query(
    `INSERT INTO ticketing.tickets (id, ticket_no, source_command_id, conversation_id, channel, citizen_id,
       source_message_id, lang, category, region_code, description_cipher, status, department_code, accepted_at,
       working_days, due_at, updated_at)
     SELECT gen_random_uuid(), 'GD2099' || lpad(i::text, 10, '0'), gen_random_uuid(), gen_random_uuid(), 'webchat',
       'test', gen_random_uuid(), 'zh', '城乡建设', '440106', $1, 'in_progress', '440106-zjj',
       now() - interval '10 days', 5, now() - interval '1 day', now()
     FROM generate_series(1, 1200) i`,
    [randomBytes(8).toString('hex')],
  );
});
afterAll(() => dataSource?.destroy());

it('fails with Kafka failing after the first step, keeps every alert in the outbox, and leaves no rejection unhandled', async () => {
  const kafka = new Kafka({ brokers: testInfrastructure().kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka, { lingerMs: 1, maxBatchSize: 1000 });
  // Never connected: each send fails, a moment after it is made, while the scan writes its next step.
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const scanner = new ScanDeadlines(
      dataSource,
      new WorkingDayCalendar(officialHolidaySchedule()),
      { now: () => new Date() },
      new Outbox(dataSource, producer, logger),
      logger,
    );
    await expect(scanner.execute()).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  const [{ alerts, unsent }] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM ticketing.deadline_alerts) AS alerts,
            (SELECT count(*)::int FROM ticketing.outbox WHERE sent_at IS NULL) AS unsent`,
  );
  expect(alerts).toBeGreaterThanOrEqual(500);
  expect(unsent).toBe(alerts);
});
