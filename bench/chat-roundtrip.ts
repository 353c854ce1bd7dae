import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Agent } from 'node:http';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { appEnvironment, launchApp, loadDemoContent, newDevSecrets, waitForReady } from '../tools/dev/apps';
import { freePort, ManagedProcess, startProcess } from '../tools/dev/processes';
import { log, startBenchInfrastructure } from './support/bench-infrastructure';
import { closedLoop, describe } from './latency';
import { postJson } from './support/http';

const ECHO_IN = 'bench.echo.in';
const ECHO_OUT = 'bench.echo.out';
const MAX_WAIT_MS = '10';

/**
 * bench/chat-roundtrip: C web-chat sessions, each sending its next message as soon as the last one was answered
 * (POST /api/v1/chat/messages?wait=5000): gateway → Kafka → dialogue → Kafka → gateway, with every message stored
 * (encrypted) in Postgres, on real PostgreSQL, Redis and the dev Kafka broker started for the run. Beside it, the bare
 * baseline: a plain kafkajs echo on the same broker with the same batching and fetch wait. Clocks start after the
 * consumer groups have joined and a warm-up.
 *   npm run bench:chat-roundtrip -- --sessions 50 --seconds 20 [--text 你好]
 */
async function main() {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '20' },
      text: { type: 'string', default: '你好' },
      'no-fsync': { type: 'boolean', default: false },
    },
  });
  const sessions = Number(values.sessions);
  const seconds = Number(values.seconds);
  const agent = new Agent({ keepAlive: true, maxSockets: sessions });
  const infrastructure = await startBenchInfrastructure({
    extraTopics: [ECHO_IN, ECHO_OUT],
    isThrowaway: values['no-fsync'],
  });
  const processes: ManagedProcess[] = [];
  try {
    log(`bare baseline: kafkajs echo, ${sessions} sessions, ${seconds} s`);
    const baseline = await kafkaEcho(infrastructure.kafka.brokers, sessions, seconds, processes);

    const ports = { gateway: await freePort(), dialogue: await freePort(), ticketing: await freePort() };
    const port = ports.gateway;
    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, newDevSecrets()),
      GATEWAY_PORT: String(ports.gateway),
      DIALOGUE_PORT: String(ports.dialogue),
      TICKETING_PORT: String(ports.ticketing),
      LOG_LEVEL: 'warn',
    };
    for (const app of ['gateway', 'ticketing'] as const) await loadDemoContent(app, env);
    const apps = (['gateway', 'dialogue', 'ticketing'] as const).map((app) => ({ app, process: launchApp(app, env) }));
    processes.push(...apps.map(({ process }) => process));
    await Promise.all(apps.map(({ app, process }) => waitForReady(process, ports[app])));
    const send = async (sessionId: string | undefined) => {
      const answer = await postJson(agent, port, '/api/v1/chat/messages?wait=5000', { sessionId, text: values.text });
      return { ok: answer.status === 200, sessionId: String(answer.body.sessionId) };
    };
    log(`web chat: ${sessions} sessions, "${values.text}", ${seconds} s`);
    const ids = await Promise.all(Array.from({ length: sessions }, async () => (await send(undefined)).sessionId));
    await closedLoop(sessions, 3, async (session) => (await send(ids[session])).ok);
    const product = await closedLoop(sessions, seconds, async (session) => (await send(ids[session])).ok);

    process.stdout.write(
      `\nchat round trip, ${sessions} sessions, this machine (${cpus().length} cores):\n` +
        `${describe('bare kafkajs echo (baseline)', baseline)}\n` +
        `${describe('web chat through the system', product)}\n` +
        `ratio: ${((product.perSecond / baseline.perSecond) * 100).toFixed(0)} % of the baseline's throughput\n`,
    );
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await infrastructure.stop();
  }
}

/** Round trips through a plain echo process: produce to ECHO_IN, the echo sends it to ECHO_OUT, read it back. */
async function kafkaEcho(brokers: string, sessions: number, seconds: number, processes: ManagedProcess[]) {
  const echo = startProcess('echo', process.execPath, [
    join(__dirname, 'kafka-echo.js'),
    brokers,
    ECHO_IN,
    ECHO_OUT,
    MAX_WAIT_MS,
  ]);
  processes.push(echo);
  const kafka = new Kafka({ clientId: 'bench-client', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka);
  const consumer = kafka.consumer({ groupId: `bench-client-${randomUUID()}`, maxWaitTimeInMs: Number(MAX_WAIT_MS) });
  const waiting = new Map<string, () => void>();
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: ECHO_OUT, fromBeginning: false });
  await consumer.run({
    partitionsConsumedConcurrently: 8,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) waiting.get(String(message.value))?.();
    },
  });
  const roundTrip = async (session: number) => {
    const id = randomUUID();
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      waiting.set(id, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    await producer.sendRaw(ECHO_IN, { key: `session-${session}`, value: id });
    const ok = await answered;
    waiting.delete(id);
    return ok;
  };
  // Until both consumer groups have joined, messages are not answered: wait for a first round trip.
  for (let attempt = 0; !(await roundTrip(0)); attempt += 1)
    if (attempt > 12) throw new Error('the echo never answered');
  await closedLoop(sessions, 3, roundTrip);
  const result = await closedLoop(sessions, seconds, roundTrip);
  await consumer.disconnect();
  await producer.disconnect();
  await echo.stop();
  return result;
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
