import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newDevSecrets } from './apps';
import { Infrastructure, startInfrastructure } from './infrastructure';
import { freePort, run } from './processes';
import { projectRoot } from './project-root';

/**
 * `npm test`: types, lint and formatting checked; PostgreSQL, Redis and the dev Kafka broker on free ports with their
 * data in a throwaway folder; the unit, integration and end-to-end suites (jest); then everything torn down and the
 * folder removed, also on failure. Arguments go to jest: `npm test -- --selectProjects unit`.
 */
async function main(): Promise<number> {
  const root = projectRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-assistant-test-'));
  const say = (line: string) => process.stdout.write(`» ${line}\n`);
  let infrastructure: Infrastructure | undefined;
  const tearDown = async () => {
    await infrastructure?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void tearDown().then(() => process.exit(130)));
  process.on('SIGTERM', () => void tearDown().then(() => process.exit(143)));
  try {
    say('checking types, lint and formatting');
    await run('npm', ['run', '--silent', 'typecheck'], { cwd: root });
    await run('npm', ['run', '--silent', 'lint'], { cwd: root });
    say(`starting PostgreSQL, Redis and the dev Kafka broker in ${dataDir}`);
    infrastructure = await startInfrastructure({
      dataDir,
      cacheDir: join(root, 'node_modules', '.cache', 'gov-assistant'),
      ports: { postgres: await freePort(), redis: await freePort(), kafka: await freePort() },
      isThrowaway: true,
      log: say,
    });
    const secrets = newDevSecrets();
    const env = {
      ...process.env,
      TEST_POSTGRES_ADMIN_URL: infrastructure.postgres.url('postgres'),
      TEST_DATA_DIR: dataDir,
      DATABASE_URL: infrastructure.postgres.url(),
      REDIS_URL: infrastructure.redis.url,
      KAFKA_BROKERS: infrastructure.kafka.brokers,
      JWT_SECRET: secrets.JWT_SECRET,
      PII_KEYS: secrets.PII_KEYS,
      PII_ACTIVE_KEY_ID: secrets.PII_ACTIVE_KEY_ID,
      BLIND_INDEX_KEY: secrets.BLIND_INDEX_KEY,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    };
    const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
    return await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], { env, cwd: root, stdio: 'inherit' });
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await tearDown();
  }
}

void main().then((code) => process.exit(code));
