import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

const APPS = ['gateway', 'dialogue', 'ticketing', 'notifier'] as const;

describe('every app can be watched', () => {
  it.each(APPS)('%s answers /healthz, /readyz with its Postgres, Redis and Kafka, and /metrics', async (app) => {
    expect((await request('GET', system.url(app, '/healthz'))).body).toEqual({ status: 'ok' });
    const ready = await request('GET', system.url(app, '/readyz'));
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', kafka: 'ok' } });
    const metrics = await request<string>('GET', system.url(app, '/metrics'));
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).toContain('http_request_duration_seconds');
  });

  it('answers an unknown route with a JSON 404 and a trace id', async () => {
    const answer = await request<{ statusCode: number; traceId: string }>('GET', system.url('gateway', '/nowhere'));
    expect(answer.status).toBe(404);
    expect(answer.body.statusCode).toBe(404);
    expect(answer.body.traceId).toBeTruthy();
  });

  it('serves the web chat page', async () => {
    const page = await request<string>('GET', system.url('gateway', '/'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('政务服务智能客服');
  });
});

describe('an app with bad configuration', () => {
  it('stops at once and names every bad variable, without echoing values', async () => {
    const { code, output } = await runApp('gateway', {
      ...system.env,
      DATABASE_URL: 'mysql://secret-host/db',
      GATEWAY_PORT: 'eighty',
      JWT_SECRET: 'short',
      PII_ACTIVE_KEY_ID: 'missing',
      REDIS_URL: undefined,
    });
    expect(code).toBe(1);
    expect(output).toContain('gateway cannot start: invalid configuration');
    for (const name of ['DATABASE_URL', 'GATEWAY_PORT', 'JWT_SECRET', 'PII_ACTIVE_KEY_ID', 'REDIS_URL is required']) {
      expect(output).toContain(name);
    }
    expect(output).not.toContain('secret-host');
  });

  it('says so when its port is taken', async () => {
    const { code, output } = await runApp('notifier', {
      ...system.env,
      NOTIFIER_PORT: new URL(system.url('gateway')).port,
    });
    expect(code).toBe(1);
    expect(output).toMatch(/notifier cannot start: port \d+ is already in use/);
  });
});

function runApp(app: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', app, 'src', 'main.js')], {
      env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
      cwd: '/',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
