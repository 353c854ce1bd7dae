import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { allTopicNames } from '@libs/common/contracts/topics';
import { DialogueConfig } from '../../apps/dialogue/src/config';
import { GatewayConfig } from '../../apps/gateway/src/config';
import { NotifierConfig } from '../../apps/notifier/src/config';
import { TicketingConfig } from '../../apps/ticketing/src/config';

// Keeps docker-compose.yml and the Dockerfile honest: no docker engine runs here, so what the containers would
// read is checked against the apps' own config schemas instead.

const root = join(__dirname, '..', '..');

/** What the host would export: realistic values of the right shape, standing in for `${VAR:?…}`. */
const key32 = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const HOST_SAMPLES: Record<string, string> = {
  POSTGRES_PASSWORD: '0123456789abcdef'.repeat(3), // openssl rand -hex 24
  JWT_SECRET: Buffer.alloc(48, 0x5a).toString('base64'), // openssl rand -base64 48
  PII_KEYS: `2026a:${key32(1)},2025b:${key32(2)}`,
  PII_ACTIVE_KEY_ID: '2026a',
  BLIND_INDEX_KEY: key32(3),
  DEFAULT_REGION_CODE: '440106',
  DEMO_STAFF_PASSWORD: 'demo-staff-2026',
};
/** Never defaulted in the compose file: a deployment without them must not start. */
const SECRETS = ['JWT_SECRET', 'PII_KEYS', 'PII_ACTIVE_KEY_ID', 'BLIND_INDEX_KEY', 'POSTGRES_PASSWORD'];

interface ContainerUnderTest {
  service: string;
  schema: z.ZodObject;
  /** Compiled entry point and its arguments, as in `command`. */
  command: string[];
  /** Source of the entry point, so a renamed main.ts or cli.ts shows up here. */
  source: string;
}
interface AppUnderTest extends ContainerUnderTest {
  port: number;
  portVariable: string;
  /** Schema fields only the app's one-shot CLI reads; the long-running service does without them. */
  cliOnly: string[];
}

const APPS: AppUnderTest[] = [
  {
    service: 'gateway',
    schema: GatewayConfig,
    command: ['node', 'dist/apps/gateway/src/main.js'],
    source: 'apps/gateway/src/main.ts',
    port: 3000,
    portVariable: 'GATEWAY_PORT',
    cliOnly: ['DEMO_STAFF_PASSWORD'],
  },
  {
    service: 'dialogue',
    schema: DialogueConfig,
    command: ['node', 'dist/apps/dialogue/src/main.js'],
    source: 'apps/dialogue/src/main.ts',
    port: 3001,
    portVariable: 'DIALOGUE_PORT',
    cliOnly: [],
  },
  {
    service: 'ticketing',
    schema: TicketingConfig,
    command: ['node', 'dist/apps/ticketing/src/main.js'],
    source: 'apps/ticketing/src/main.ts',
    port: 3002,
    portVariable: 'TICKETING_PORT',
    cliOnly: [],
  },
  {
    service: 'notifier',
    schema: NotifierConfig,
    command: ['node', 'dist/apps/notifier/src/main.js'],
    source: 'apps/notifier/src/main.ts',
    port: 3003,
    portVariable: 'NOTIFIER_PORT',
    cliOnly: [],
  },
];

const DEMO_JOBS: ContainerUnderTest[] = [
  {
    service: 'ticketing-demo',
    schema: TicketingConfig,
    command: ['node', 'dist/apps/ticketing/src/cli.js', 'load-demo'],
    source: 'apps/ticketing/src/cli.ts',
  },
  {
    service: 'gateway-demo',
    schema: GatewayConfig,
    command: ['node', 'dist/apps/gateway/src/cli.js', 'load-demo'],
    source: 'apps/gateway/src/cli.ts',
  },
  {
    service: 'dialogue-demo',
    schema: DialogueConfig,
    command: ['node', 'dist/apps/dialogue/src/cli.js', 'load-demo'],
    source: 'apps/dialogue/src/cli.ts',
  },
];

const ComposeService = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  // Mapping form only; null = "pass through from the host if set there, else leave unset".
  environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  healthcheck: z.object({ test: z.union([z.string(), z.array(z.string())]) }).optional(),
  ports: z.array(z.string()).optional(),
  profiles: z.array(z.string()).optional(),
  restart: z.string().optional(),
});
type ComposeService = z.infer<typeof ComposeService>;
const ComposeFile = z.object({ services: z.record(z.string(), ComposeService) });

const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
// Compose resolves YAML merge keys (<<) like this.
const composeDocument: unknown = parse(composeText, { merge: true });
const compose = ComposeFile.parse(composeDocument);

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/**
 * Resolves compose interpolation as `docker compose` would on a host that exports HOST_SAMPLES and nothing else:
 * `$$` is a literal `$`, `${VAR:?msg}` takes the host's value, `${VAR:-default}` its default. A bare `${VAR}` or
 * `$VAR` is refused: unset on the host, it would silently become an empty string.
 */
function interpolate(text: string, where: string): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)\}|\$[A-Za-z_{]?/g,
    (match, name: string | undefined, operator: string | undefined, argument: string) => {
      if (match === '$$') return '$';
      if (!name || !operator)
        throw new Error(`${where}: "${match}" has neither a default (:-) nor a required mark (:?)`);
      if (argument.includes('$')) throw new Error(`${where}: nested interpolation in "${match}" is not supported`);
      if (operator.endsWith('-')) return argument;
      const sample = HOST_SAMPLES[name];
      if (sample === undefined) throw new Error(`${where}: no sample value in this test for required ${name}`);
      return sample;
    },
  );
}

/** The container environment: interpolated, pass-through variables set from the samples or left out. */
function containerEnvironment(name: string, passThrough: 'set' | 'unset'): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(service(name).environment ?? {})) {
    if (value !== null) {
      environment[key] = interpolate(String(value), `${name}.environment.${key}`);
    } else if (passThrough === 'set' && HOST_SAMPLES[key] !== undefined) {
      environment[key] = HOST_SAMPLES[key];
    }
  }
  return environment;
}

function schemaProblems(schema: z.ZodObject, environment: Record<string, string>): string[] {
  const result = schema.safeParse(environment);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function commandLine(value: ComposeService['command'] | ComposeService['healthcheck']): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return commandLine(value.test);
}

function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [index, item] of value.entries()) yield* stringsIn(item, `${path}[${index}]`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, path ? `${path}.${key}` : key);
}

const sorted = (list: Iterable<string>) => [...list].sort();

describe('docker-compose.yml', () => {
  describe.each(APPS)('app service $service', (app) => {
    it("sets exactly its app's config variables, less those only its CLI reads", () => {
      const expected = Object.keys(app.schema.shape).filter((key) => !app.cliOnly.includes(key));
      expect(sorted(Object.keys(service(app.service).environment ?? {}))).toEqual(sorted(expected));
    });

    it("passes its app's config schema once interpolated", () => {
      expect(schemaProblems(app.schema, containerEnvironment(app.service, 'unset'))).toEqual([]);
      expect(schemaProblems(app.schema, containerEnvironment(app.service, 'set'))).toEqual([]);
    });

    it('waits for healthy Kafka, Postgres and Redis and for the topics to exist', () => {
      expect(service(app.service).depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        'kafka-topics': { condition: 'service_completed_successfully' },
      });
    });

    it('listens on its own port, publishes it and checks its own /readyz there', () => {
      const environment = containerEnvironment(app.service, 'unset');
      expect(environment[app.portVariable]).toBe(String(app.port));
      expect(service(app.service).ports).toContain(`${app.port}:${app.port}`);
      expect(commandLine(service(app.service).healthcheck)).toContain(`http://127.0.0.1:${app.port}/readyz`);
    });

    it('runs its compiled main', () => {
      expect(service(app.service).command).toEqual(app.command);
      expect(existsSync(join(root, app.source))).toBe(true);
      expect(service(app.service).profiles).toBeUndefined();
    });
  });

  describe.each(DEMO_JOBS)('demo job $service', (job) => {
    it("sets exactly its app's config variables, and runs only with --profile demo", () => {
      expect(sorted(Object.keys(service(job.service).environment ?? {}))).toEqual(
        sorted(Object.keys(job.schema.shape)),
      );
      expect(service(job.service).profiles).toEqual(['demo']);
      expect(service(job.service).restart).toBe('no');
    });

    it("passes its app's config schema once interpolated, with pass-through variables set or not", () => {
      expect(schemaProblems(job.schema, containerEnvironment(job.service, 'unset'))).toEqual([]);
      expect(schemaProblems(job.schema, containerEnvironment(job.service, 'set'))).toEqual([]);
    });

    it('runs its compiled CLI once Postgres is healthy', () => {
      expect(service(job.service).command).toEqual(job.command);
      expect(existsSync(join(root, job.source))).toBe(true);
      expect(service(job.service).depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    });
  });

  it('gives every service the apps wait on a health check', () => {
    expect(commandLine(service('kafka').healthcheck)).toContain('/opt/kafka/bin/');
    expect(commandLine(service('postgres').healthcheck)).toContain('pg_isready');
    expect(commandLine(service('redis').healthcheck)).toContain('redis-cli ping');
  });

  it('creates every topic of allTopicNames() in the kafka-topics job, once Kafka is healthy', () => {
    const job = service('kafka-topics');
    const script = interpolate(commandLine(job.command), 'kafka-topics.command');
    const topicList = /for topic in ([^;]*);/.exec(script)?.[1] ?? '';
    expect(sorted(topicList.split(/[\s\\]+/).filter(Boolean))).toEqual(sorted(allTopicNames()));
    expect(script).toMatch(/kafka-topics\.sh --bootstrap-server kafka:9092 --create --if-not-exists/);
    expect(script).toContain('--topic "$topic"');
    expect(job.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    expect(job.restart).toBe('no');
  });

  it('points the apps at the compose services they wait on', () => {
    const postgres = containerEnvironment('postgres', 'unset');
    const kafkaAdvertised = containerEnvironment('kafka', 'unset').KAFKA_ADVERTISED_LISTENERS ?? '';
    for (const { service: name } of [...APPS, ...DEMO_JOBS]) {
      const environment = containerEnvironment(name, 'unset');
      const database = new URL(environment.DATABASE_URL ?? '');
      expect({
        name,
        host: database.host,
        user: database.username,
        password: database.password,
        db: database.pathname,
      }).toEqual({
        name,
        host: 'postgres:5432',
        user: postgres.POSTGRES_USER,
        password: postgres.POSTGRES_PASSWORD,
        db: `/${postgres.POSTGRES_DB}`,
      });
      expect(new URL(environment.REDIS_URL ?? '').host).toBe('redis:6379');
      for (const broker of (environment.KAFKA_BROKERS ?? '').split(',')) {
        expect(kafkaAdvertised).toContain(`://${broker}`);
      }
    }
  });

  it('takes every secret from the host, never from a default', () => {
    const uses: string[] = [];
    for (const [path, text] of stringsIn(composeDocument, '')) {
      for (const [, name, operator] of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)([^A-Za-z0-9_}]{0,2})/g)) {
        if (SECRETS.includes(name))
          uses.push(`${name} ${operator === ':?' ? 'required' : `not required (${operator || 'bare'}) at ${path}`}`);
      }
    }
    expect(sorted(new Set(uses))).toEqual(sorted(SECRETS.map((name) => `${name} required`)));
  });

  it('escapes every $ that compose must not interpolate', () => {
    const refused: string[] = [];
    for (const [path, text] of stringsIn(composeDocument, '')) {
      try {
        interpolate(text, path);
      } catch (error) {
        refused.push(error instanceof Error ? error.message : String(error));
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const finalStage = dockerfile.split(/^FROM\s/im).at(-1) ?? '';

  it('runs the final stage as an unprivileged user', () => {
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gim)].map((match) => match[1]);
    expect(users).not.toEqual([]);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:.*)?$/);
  });

  it('puts what the compose commands need into the final stage', () => {
    for (const path of ['dist', 'node_modules', 'package.json', 'demo']) {
      expect(finalStage).toMatch(new RegExp(`^COPY\\s.*\\s\\./${path}$`, 'm'));
    }
  });
});
