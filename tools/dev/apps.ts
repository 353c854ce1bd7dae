import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Infrastructure } from './infrastructure';
import { ManagedProcess, run, startProcess, waitUntil } from './processes';
import { projectRoot } from './project-root';

export type AppName = 'gateway' | 'dialogue' | 'ticketing' | 'notifier';

export const APPS: Array<{ name: AppName; portVariable: string; defaultPort: number; hasDemoContent: boolean }> = [
  { name: 'gateway', portVariable: 'GATEWAY_PORT', defaultPort: 3000, hasDemoContent: true },
  { name: 'dialogue', portVariable: 'DIALOGUE_PORT', defaultPort: 3001, hasDemoContent: true },
  { name: 'ticketing', portVariable: 'TICKETING_PORT', defaultPort: 3002, hasDemoContent: true },
  { name: 'notifier', portVariable: 'NOTIFIER_PORT', defaultPort: 3003, hasDemoContent: false },
];

/** Development secrets, made once per data folder and kept there, so data encrypted yesterday still reads today. */
export interface DevSecrets {
  JWT_SECRET: string;
  PII_KEYS: string;
  PII_ACTIVE_KEY_ID: string;
  BLIND_INDEX_KEY: string;
  DEMO_STAFF_PASSWORD: string;
}

export function newDevSecrets(): DevSecrets {
  return {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    PII_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'dev1',
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    DEMO_STAFF_PASSWORD: `demo-${randomBytes(6).toString('base64url')}`,
  };
}

export function devSecretsIn(file: string): DevSecrets {
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(newDevSecrets(), null, 2), { mode: 0o600 });
  return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
}

/** The environment every app gets on this machine: where the servers are, the secrets, the demo district. */
export function appEnvironment(infrastructure: Infrastructure, secrets: DevSecrets, databaseUrl?: string) {
  return {
    DATABASE_URL: databaseUrl ?? infrastructure.postgres.url(),
    REDIS_URL: infrastructure.redis.url,
    KAFKA_BROKERS: infrastructure.kafka.brokers,
    // The dev broker holds an empty fetch for the whole wait: a short wait keeps replies quick.
    KAFKA_MAX_WAIT_MS: '10',
    DEFAULT_REGION_CODE: '440106',
    ...secrets,
  };
}

const distFile = (app: AppName, file: 'main' | 'cli') => join(projectRoot(), 'dist', 'apps', app, 'src', `${file}.js`);

export async function loadDemoContent(app: AppName, env: NodeJS.ProcessEnv): Promise<void> {
  await run(process.execPath, [distFile(app, 'cli'), 'load-demo'], { env, cwd: projectRoot() });
}

export function launchApp(app: AppName, env: NodeJS.ProcessEnv, logFile?: string): ManagedProcess {
  return startProcess(app, process.execPath, [distFile(app, 'main')], { env, cwd: projectRoot(), logFile });
}

/** Waits until the app answers /readyz: its Postgres, Redis and Kafka are reachable. */
export async function waitForReady(app: ManagedProcess, port: number, timeoutMs = 90_000): Promise<void> {
  await waitUntil(`${app.name} on port ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, {
    timeoutMs,
    process: app,
  });
}
