import { z } from 'zod';
import { activeKeyIsKnown, alwaysCheck, httpPort, infrastructureFields, personalDataFields } from './config-fields';
import { ConfigError, loadConfig } from './load-config';

const key = Buffer.alloc(32, 7).toString('base64');
const Schema = z
  .object({ ...infrastructureFields, ...personalDataFields, GATEWAY_PORT: httpPort(3000) })
  .superRefine(activeKeyIsKnown, alwaysCheck);
const valid = {
  DATABASE_URL: 'postgres://u:p@db:5432/app',
  REDIS_URL: 'redis://cache:6379',
  KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
  PII_KEYS: `k1:${key}`,
  PII_ACTIVE_KEY_ID: 'k1',
  BLIND_INDEX_KEY: key,
};
const noDotenv = '/nonexistent/.env';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(Schema, env, noDotenv);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('reads a valid environment, with defaults and parsed values', () => {
    const config = loadConfig(Schema, valid, noDotenv);
    expect(config.GATEWAY_PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.PII_KEYS.get('k1')).toHaveLength(32);
  });

  it('names every missing variable', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'DATABASE_URL is required',
        'REDIS_URL is required',
        'KAFKA_BROKERS is required',
        'PII_KEYS is required',
        'BLIND_INDEX_KEY is required',
      ]),
    );
  });

  it('names each bad variable without echoing its value', () => {
    const problems = problemsOf({
      ...valid,
      DATABASE_URL: 'mysql://secret-host/x',
      GATEWAY_PORT: '70000',
      KAFKA_BROKERS: 'no-port-here',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^DATABASE_URL: .*postgres/m);
    expect(problems.join('\n')).toMatch(/^GATEWAY_PORT: /m);
    expect(problems.join('\n')).toMatch(/^KAFKA_BROKERS: /m);
    expect(problems.join('\n')).not.toContain('secret-host');
  });

  it('refuses an active key id that is not among the keys, and keys of the wrong size', () => {
    expect(problemsOf({ ...valid, PII_ACTIVE_KEY_ID: 'k2' })).toEqual([
      'PII_ACTIVE_KEY_ID: must name one of the ids in PII_KEYS',
    ]);
    expect(problemsOf({ ...valid, PII_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` })[0]).toMatch(/^PII_KEYS: /);
  });

  it('reports the active key alongside every other problem', () => {
    const problems = problemsOf({ ...valid, PII_ACTIVE_KEY_ID: 'k2', GATEWAY_PORT: 'eighty', REDIS_URL: '' });
    expect(problems).toEqual([
      'REDIS_URL: must be a redis:// URL',
      'GATEWAY_PORT: must be a port number',
      'PII_ACTIVE_KEY_ID: must name one of the ids in PII_KEYS',
    ]);
  });
});
