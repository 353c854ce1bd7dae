import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPS, AppName, launchApp, loadDemoContent, newDevSecrets, waitForReady } from '../../tools/dev/apps';
import { startKafkaDevBroker } from '../../tools/dev/kafka-dev-broker';
import { createDatabase } from '../../tools/dev/postgres-server';
import { freePort, ManagedProcess } from '../../tools/dev/processes';
import { projectRoot } from '../../tools/dev/project-root';
import { startRedis } from '../../tools/dev/redis-server';

export interface RunningSystem {
  url(app: AppName, path?: string): string;
  env: NodeJS.ProcessEnv;
  /** The demo staff password of this system. */
  staffPassword: string;
  /** Stops an app abruptly (SIGKILL by default), as a crash would. */
  kill(app: AppName, signal?: NodeJS.Signals): Promise<void>;
  start(app: AppName): Promise<void>;
  /** Another process of the app, on a port of its own, sharing everything else: a second replica. */
  startReplica(app: AppName): Promise<{ url(path?: string): string }>;
  stop(): Promise<void>;
}

/**
 * The apps (built in dist/) running as in production, each system with its own database on the test PostgreSQL, and
 * its own Redis and dev Kafka broker, so suites cannot see each other's messages. Demo content is loaded.
 */
export async function startSystem(
  apps: AppName[] = APPS.map((app) => app.name),
  options: { env?: Record<string, string> } = {},
): Promise<RunningSystem> {
  const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_ADMIN_URL is not set: run the tests with `npm test`');
  const dataDir = mkdtempSync(join(process.env.TEST_DATA_DIR ?? tmpdir(), 'system-'));
  const redis = await startRedis({ dataDir, port: await freePort(), isThrowaway: true });
  const kafka = await startKafkaDevBroker({
    port: await freePort(),
    cacheDir: join(projectRoot(), 'node_modules', '.cache', 'gov-assistant'),
  });
  const databaseUrl = await createDatabase(adminUrl, `e2e_${randomBytes(6).toString('hex')}`);
  const secrets = newDevSecrets();
  const ports = Object.fromEntries(await Promise.all(APPS.map(async (app) => [app.name, await freePort()])));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    KAFKA_BROKERS: kafka.brokers,
    KAFKA_MAX_WAIT_MS: '10',
    DEFAULT_REGION_CODE: '440106',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...Object.fromEntries(APPS.map((app) => [app.portVariable, String(ports[app.name])])),
    // A suite's own settings last, e.g. channel adapters pointed at a fake vendor.
    ...options.env,
  };
  const running = new Map<AppName, ManagedProcess>();
  const replicas: ManagedProcess[] = [];
  const start = async (app: AppName) => {
    const process = launchApp(app, env, join(dataDir, `${app}.log`));
    running.set(app, process);
    await waitForReady(process, ports[app]);
  };
  for (const app of APPS.filter((candidate) => candidate.hasDemoContent)) await loadDemoContent(app.name, env);
  await Promise.all(apps.map(start));
  return {
    url: (app, path = '') => `http://127.0.0.1:${ports[app]}${path}`,
    env,
    staffPassword: secrets.DEMO_STAFF_PASSWORD,
    async kill(app, signal = 'SIGKILL') {
      const process = running.get(app);
      if (!process) return;
      process.child.kill(signal);
      await process.stop(1000);
      running.delete(app);
    },
    start,
    async startReplica(app) {
      const port = await freePort();
      const portVariable = APPS.find((candidate) => candidate.name === app)?.portVariable ?? '';
      const replica = launchApp(app, { ...env, [portVariable]: String(port) }, join(dataDir, `${app}-replica.log`));
      replicas.push(replica);
      await waitForReady(replica, port);
      return { url: (path = '') => `http://127.0.0.1:${port}${path}` };
    },
    async stop() {
      await Promise.all([...running.values(), ...replicas].map((process) => process.stop()));
      await kafka.stop();
      await redis.stop();
    },
  };
}
