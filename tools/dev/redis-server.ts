import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { startProcess, waitUntil } from './processes';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** A real Redis server (Debian's redis-server) on 127.0.0.1, with its append-only file in dataDir/redis. */
export async function startRedis(options: {
  dataDir: string;
  port: number;
  isThrowaway?: boolean;
}): Promise<RedisServer> {
  const dir = resolve(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const persistence = options.isThrowaway
    ? ['--appendonly', 'no']
    : ['--appendonly', 'yes', '--appendfsync', 'everysec'];
  const server = startProcess(
    'redis',
    'redis-server',
    [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      '',
      ...persistence,
    ],
    { logFile: resolve(options.dataDir, 'redis.log') },
  );
  const url = `redis://127.0.0.1:${options.port}`;
  await waitUntil('Redis', () => ping(url), { timeoutMs: 20_000, process: server });
  return { url, stop: () => server.stop() };
}

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // not up yet: the next poll tries again
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
  }
}
