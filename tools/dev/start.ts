import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { APPS, appEnvironment, devSecretsIn, launchApp, loadDemoContent, waitForReady } from './apps';
import { startInfrastructure } from './infrastructure';
import { isPortFree, ManagedProcess } from './processes';
import { projectRoot } from './project-root';

/**
 * `npm start`: the whole system on this machine. Postgres, Redis and the dev Kafka broker with their data in .data/,
 * migrations, demo content, the four apps; Ctrl-C stops everything it started. Settings in .env or the environment
 * override the development defaults.
 */
async function main(): Promise<void> {
  const root = projectRoot();
  const dataDir = join(root, '.data');
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const overrides = { ...readDotenv(join(root, '.env')), ...definedOnly(process.env) };
  const port = (name: string, fallback: number) => Number(overrides[name] ?? fallback);
  const infraPorts = {
    postgres: port('DEV_POSTGRES_PORT', 15432),
    redis: port('DEV_REDIS_PORT', 16379),
    kafka: port('DEV_KAFKA_PORT', 19092),
  };
  const appPorts = Object.fromEntries(APPS.map((app) => [app.name, port(app.portVariable, app.defaultPort)]));
  await refuseBusyPorts({
    'PostgreSQL (DEV_POSTGRES_PORT)': infraPorts.postgres,
    'Redis (DEV_REDIS_PORT)': infraPorts.redis,
    'dev Kafka broker (DEV_KAFKA_PORT)': infraPorts.kafka,
    ...Object.fromEntries(APPS.map((app) => [`${app.name} (${app.portVariable})`, appPorts[app.name]])),
  });

  const say = (line: string) => process.stdout.write(`» ${line}\n`);
  say('starting PostgreSQL, Redis and the dev Kafka broker');
  const infrastructure = await startInfrastructure({
    dataDir,
    cacheDir: join(root, 'node_modules', '.cache', 'gov-assistant'),
    ports: infraPorts,
    isThrowaway: false,
    log: say,
  });
  const apps: ManagedProcess[] = [];
  let isStopping = false;
  const stopAll = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    say('stopping…');
    await Promise.all(apps.map((app) => app.stop()));
    await infrastructure.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, devSecretsIn(join(dataDir, 'dev-secrets.json'))),
      ...overrides,
      ...Object.fromEntries(APPS.map((app) => [app.portVariable, String(appPorts[app.name])])),
    };
    say('loading the demo content (departments, routing rules, staff accounts)');
    // Each cli runs its app's migrations first, so the content lands in current tables.
    for (const app of APPS.filter((candidate) => candidate.hasDemoContent)) await loadDemoContent(app.name, env);
    say('starting gateway, dialogue, ticketing and notifier');
    for (const app of APPS) {
      const running = launchApp(app.name, env, join(logDir, `${app.name}.log`));
      apps.push(running);
      running.child.on('exit', (code) => {
        if (isStopping) return;
        process.stderr.write(`\n${app.name} stopped unexpectedly (${code}); its last lines:\n${running.tail()}\n`);
        void stopAll(1);
      });
    }
    await Promise.all(APPS.map((app, index) => waitForReady(apps[index], appPorts[app.name])));
    printWelcome(appPorts, env.DEMO_STAFF_PASSWORD);
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

function printWelcome(ports: Record<string, number>, password: string | undefined) {
  const url = (app: string, path = '') => `http://localhost:${ports[app]}${path}`;
  process.stdout.write(`
政务服务智能客服 is running.

  Web chat (citizens)   ${url('gateway', '/')}
  Gateway API           ${url('gateway', '/api/v1')}   e.g. POST /api/v1/chat/messages, POST /api/v1/auth/login
  Dialogue              ${url('dialogue')}
  Ticketing API         ${url('ticketing', '/api/v1/tickets')}   (staff token required)
  Notifier              ${url('notifier')}
  Health on every app   /healthz  /readyz  /metrics

  Demo staff accounts   admin, agent, emergency, auditor, thzjj-staff, thzjj-head, … (see demo/departments.yaml)
  Their password        ${password ?? '(none: DEMO_STAFF_PASSWORD is not set)'}
  Data and logs         .data/ (logs in .data/logs/)

Press Ctrl-C to stop everything.
`);
}

async function refuseBusyPorts(ports: Record<string, number>): Promise<void> {
  const busy: string[] = [];
  for (const [what, number] of Object.entries(ports)) if (!(await isPortFree(number))) busy.push(`${number} (${what})`);
  if (busy.length === 0) return;
  process.stderr.write(
    `Cannot start: these ports are already in use: ${busy.join(', ')}.\n` +
      'Is another `npm start` still running? Stop it, or choose other ports in .env (see README).\n',
  );
  process.exit(1);
}

function readDotenv(file: string): Record<string, string> {
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

void main();
