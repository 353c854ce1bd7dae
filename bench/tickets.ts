import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Agent } from 'node:http';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { dataSourceOptions } from '@libs/common/database/app-database';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { createLogger } from '@libs/common/logging/logger';
import { WorkingDayCalendar } from '../apps/ticketing/src/calendar/working-day-calendar';
import { officialHolidaySchedule } from '../apps/ticketing/src/calendar/official-holiday-schedule';
import { ticketingDatabase } from '../apps/ticketing/src/database';
import { OverdueTickets } from '../apps/ticketing/src/escalation/overdue-tickets';
import { ScanDeadlines } from '../apps/ticketing/src/escalation/scan-deadlines.use-case';
import { Outbox } from '../apps/ticketing/src/outbox/outbox';
import { appEnvironment, launchApp, loadDemoContent, newDevSecrets, waitForReady } from '../tools/dev/apps';
import { freePort, ManagedProcess } from '../tools/dev/processes';
import { log, startBenchInfrastructure } from './support/bench-infrastructure';
import { closedLoop, describe as describeLoad } from './latency';
import { callJson } from './support/http';
import { ECHO_TOPICS, echoBaseline, timeUntilAll } from './support/kafka-timing';

const OPEN311_KEY = 'bench-open311-key-0123456789';

/** Complaints as dialogue sends them: the categories of the citizen-message data, in the demo districts and beyond. */
const COMPLAINTS = [
  { category: '城乡建设', regionCode: '440106', description: '我要投诉天河区棠下小区周边工地夜间施工扰民' },
  { category: '环境保护', regionCode: '440106', description: '天河区某工厂夜间排放刺鼻废气' },
  { category: '劳动和社会保障', regionCode: '440106', description: '公司拖欠三个月工资不发' },
  { category: '交通运输', regionCode: '440104', description: '越秀区东风路公交站牌损坏' },
  { category: '商贸旅游', regionCode: '440106', description: '超市出售过期食品' },
  { category: '其他', regionCode: '440100', description: '建议在小区增设快递柜' },
];

/**
 * bench/tickets, on real PostgreSQL, Redis and the dev Kafka broker started for the run:
 * 1. Kafka: N ticket.create commands on ticket.commands.v1 (as dialogue sends them, across C conversations), timed
 *    until ticketing has routed, stored and announced every one (ticket.created); beside it, the bare kafkajs echo.
 * 2. Open311: C clients POSTing requests.json as fast as answered, for S seconds; beside it, GET /healthz of the same
 *    app at the same concurrency (the HTTP stack alone).
 * 3. The deadline scan over O open tickets (default 1,000,000, loaded straight into the database): the first scan
 *    over the backlog, scans with nothing new, a scan a minute later (as the app scans) and one an hour later;
 *    beside it, a plain count of the overdue.
 *   npm run bench:tickets -- --tickets 20000 --conversations 1000 --clients 32 --seconds 10 --open 1000000 [--replicas 2]
 */
async function main() {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '20000' },
      conversations: { type: 'string', default: '1000' },
      clients: { type: 'string', default: '32' },
      seconds: { type: 'string', default: '10' },
      open: { type: 'string', default: '1000000' },
      replicas: { type: 'string', default: '1' },
    },
  });
  const total = Number(values.tickets);
  const conversations = Array.from({ length: Number(values.conversations) }, () => randomUUID());
  const infrastructure = await startBenchInfrastructure({ extraTopics: ECHO_TOPICS });
  const processes: ManagedProcess[] = [];
  const kafka = new Kafka({ clientId: 'bench', brokers: [infrastructure.kafka.brokers], logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka, { lingerMs: 5, maxBatchSize: 1000 });
  await producer.connect();
  try {
    log(`bare baseline: kafkajs echo of ${total} messages`);
    const brokers = infrastructure.kafka.brokers;
    const baselineSeconds = await echoBaseline(kafka, producer, brokers, total, conversations, processes);

    const port = await freePort();
    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, newDevSecrets()),
      TICKETING_PORT: String(port),
      OPEN311_API_KEYS: OPEN311_KEY,
      LOG_LEVEL: 'warn',
    };
    await loadDemoContent('ticketing', env);
    const ticketing = launchApp('ticketing', env);
    processes.push(ticketing);
    await waitForReady(ticketing, port);
    log(`ticketing: ${total} tickets over ${conversations.length} conversations, through Kafka`);
    const kafkaSeconds = await timeUntilAll(
      kafka,
      Topic.TicketEventsV1,
      total,
      async () => {
        await producer.send(
          Array.from({ length: total }, (_, n) => createCommand(conversations[n % conversations.length], n)),
        );
      },
      async () => {
        await producer.send(createCommand(conversations[0], -1));
      },
    );

    const clients = Number(values.clients);
    const seconds = Number(values.seconds);
    // More ticketing processes for the HTTP part, as a deployment behind a load balancer would run them.
    const ports = [port];
    for (let replica = 1; replica < Number(values.replicas); replica += 1) {
      const replicaPort = await freePort();
      const extra = launchApp('ticketing', { ...env, TICKETING_PORT: String(replicaPort) });
      processes.push(extra);
      await waitForReady(extra, replicaPort);
      ports.push(replicaPort);
    }
    const portOf = (session: number) => ports[session % ports.length];
    log(`Open311: ${clients} clients for ${seconds} s on ${ports.length} ticketing process(es)`);
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const health = await closedLoop(clients, seconds, async (session) => {
      return (await callJson(agent, portOf(session), 'GET', '/healthz')).status === 200;
    });
    let posted = 0;
    const open311 = await closedLoop(clients, seconds, async (session) => {
      const complaint = COMPLAINTS[posted++ % COMPLAINTS.length];
      const answer = await callJson(agent, portOf(session), 'POST', '/open311/v2/requests.json', {
        api_key: OPEN311_KEY,
        service_code: SERVICE_CODES[complaint.category] ?? 'urban-construction',
        description: complaint.description,
        address_string: '天河区棠下',
        phone: '13912345678',
      });
      return answer.status === 200;
    });
    // Their own scheduled scans must not run beside the measured one.
    await Promise.all(processes.filter((child) => child.name === 'ticketing').map((child) => child.stop()));

    const scan = await deadlineScan(env.DATABASE_URL, producer, Number(values.open), log);

    const rate = (seconds: number) => `${(total / seconds).toFixed(0).padStart(6)} /s  (${seconds.toFixed(2)} s)`;
    const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
    process.stdout.write(
      `\n${total} tickets, ${conversations.length} conversations, this machine (${cpus().length} cores):\n` +
        `bare kafkajs echo (baseline)               ${rate(baselineSeconds)}\n` +
        `ticketing via Kafka, created and routed    ${rate(kafkaSeconds)}\n` +
        `\nOpen311, ${clients} clients, ${ports.length} ticketing process(es):\n` +
        `${describeLoad('GET /healthz (baseline)', health)}\n` +
        `${describeLoad('POST requests.json, created+routed', open311)}\n` +
        `\ndeadline scan, ${scan.open} open tickets (${scan.overdue} past their 办结 deadline):\n` +
        `plain count of the overdue (baseline)      ${ms(scan.countMs)}\n` +
        `first scan, backlog of ${scan.backlog} alerts      ${ms(scan.backlogMs)}\n` +
        `scan with nothing new (median of 5)        ${ms(scan.steadyMs)}\n` +
        `scan a minute later (${scan.minuteLater} new alerts)   ${ms(scan.minuteLaterMs)}\n` +
        `scan an hour later (${scan.hourLater} new alerts)   ${ms(scan.hourLaterMs)}\n` +
        `overdue list, first page of 50             ${ms(scan.listMs)}\n`,
    );
  } finally {
    await producer.disconnect();
    await Promise.all(processes.map((child) => child.stop()));
    await infrastructure.stop();
  }
}

const SERVICE_CODES: Record<string, string> = {
  城乡建设: 'urban-construction',
  环境保护: 'environment',
  劳动和社会保障: 'labour-social-security',
  交通运输: 'transport',
  商贸旅游: 'commerce-tourism',
};

/**
 * Loads `open` open tickets straight into the database (deadlines spread over the next 30 days, 1 % already past,
 * a third waiting to be signed for), then times the deadline scan as the app runs it, with the real outbox and
 * producer, and a clock that can be moved an hour on.
 */
async function deadlineScan(
  databaseUrl: string,
  producer: EnvelopeProducer,
  open: number,
  log: (line: string) => void,
) {
  const logger = createLogger('bench', 'warn');
  const dataSource = await new DataSource(dataSourceOptions(ticketingDatabase(databaseUrl))).initialize();
  try {
    log(`loading ${open} open tickets`);
    await dataSource.query(
      `INSERT INTO ticketing.tickets (id, ticket_no, source_command_id, conversation_id, channel, citizen_id,
         source_message_id, lang, category, region_code, description_cipher, status, department_code, accepted_at,
         working_days, due_at, sign_due_at, updated_at)
       SELECT gen_random_uuid(), 'GD2099' || lpad(i::text, 10, '0'), gen_random_uuid(), gen_random_uuid(), 'webchat',
         'bench', gen_random_uuid(), 'zh', '城乡建设', '440106', 'x',
         (ARRAY['assigned', 'accepted', 'in_progress'])[1 + i % 3], '440106-zjj', now() - interval '3 days', 5,
         now() + (random() * 30 - 0.3) * interval '1 day', now() + (random() * 2 - 0.02) * interval '1 day', now()
       FROM generate_series(1, $1::int) i`,
      [open],
    );
    await dataSource.query(`VACUUM ANALYZE ticketing.tickets`);
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const result = await work();
      return [result, performance.now() - started];
    };
    const [[{ overdue }], countMs] = await timed(() =>
      dataSource.query(
        `SELECT count(*)::int AS overdue FROM ticketing.tickets
          WHERE status IN ('created', 'assigned', 'accepted', 'in_progress', 'returned') AND due_at < now()`,
      ),
    );
    const calendar = new WorkingDayCalendar(officialHolidaySchedule());
    let offsetMs = 0;
    const clock = { now: () => new Date(Date.now() + offsetMs) };
    const scanner = new ScanDeadlines(dataSource, calendar, clock, new Outbox(dataSource, producer, logger), logger);
    const raisedBy = (result: { raised: { yellow: number; red: number } }) => result.raised.yellow + result.raised.red;
    log('first scan over the backlog');
    const [backlog, backlogMs] = await timed(() => scanner.execute());
    const steady: number[] = [];
    for (let run = 0; run < 5; run += 1) steady.push((await timed(() => scanner.execute()))[1]);
    // As the app runs it, every minute; then an hour's deadlines at once, as after an hour without scans.
    offsetMs = 60_000;
    const [minuteLater, minuteLaterMs] = await timed(() => scanner.execute());
    offsetMs += 3_600_000;
    const [hourLater, hourLaterMs] = await timed(() => scanner.execute());
    const [, listMs] = await timed(() =>
      new OverdueTickets(dataSource, calendar, clock).list({ limit: 50, offset: 0 }),
    );
    return {
      open,
      overdue: overdue as number,
      countMs,
      backlog: raisedBy(backlog),
      backlogMs,
      steadyMs: steady.sort((a, b) => a - b)[2],
      minuteLater: raisedBy(minuteLater),
      minuteLaterMs,
      hourLater: raisedBy(hourLater),
      hourLaterMs,
      listMs,
    };
  } finally {
    await dataSource.destroy();
  }
}

function createCommand(conversationId: string, n: number): Outgoing {
  const complaint = COMPLAINTS[Math.abs(n) % COMPLAINTS.length];
  return {
    topic: Topic.TicketCommandsV1,
    envelope: createEnvelope(
      'ticket.create',
      1,
      conversationId,
      {
        conversationId,
        channel: 'webchat' as const,
        citizenId: conversationId,
        sourceMessageId: randomUUID(),
        lang: 'zh' as const,
        ...complaint,
      },
      { traceId: randomUUID().replace(/-/g, '') },
    ),
  };
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
