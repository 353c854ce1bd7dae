import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { notifierDatabase } from '../apps/notifier/src/database';
import { AlertArea } from '../apps/notifier/src/targeting/alert-area';
import { AlertTargeting } from '../apps/notifier/src/targeting/alert-targeting';
import { startPostgres } from '../tools/dev/postgres-server';
import { freePort } from '../tools/dev/processes';
import { projectRoot } from '../tools/dev/project-root';

/**
 * Guangdong's 21 prefecture-level cities with a rough centre each; every city gets districts 01–11 (Guangzhou's are
 * its real 11 codes, 440103–440118, around its real districts). Enough to spread subscribers as a province would:
 * one city is about a twentieth of them, a district a few thousand per hundred thousand.
 */
// prettier-ignore
const CITIES: Array<{ code: string; lat: number; lon: number }> = [
  { code: '4401', lat: 23.13, lon: 113.36 }, { code: '4402', lat: 24.81, lon: 113.6 },
  { code: '4403', lat: 22.55, lon: 114.06 }, { code: '4404', lat: 22.27, lon: 113.58 },
  { code: '4405', lat: 23.35, lon: 116.68 }, { code: '4406', lat: 23.02, lon: 113.12 },
  { code: '4407', lat: 22.58, lon: 113.08 }, { code: '4408', lat: 21.27, lon: 110.36 },
  { code: '4409', lat: 21.66, lon: 110.92 }, { code: '4412', lat: 23.05, lon: 112.47 },
  { code: '4413', lat: 23.11, lon: 114.42 }, { code: '4414', lat: 24.29, lon: 116.12 },
  { code: '4415', lat: 22.79, lon: 115.37 }, { code: '4416', lat: 23.74, lon: 114.7 },
  { code: '4417', lat: 21.86, lon: 111.98 }, { code: '4418', lat: 23.68, lon: 113.06 },
  { code: '4419', lat: 23.02, lon: 113.75 }, { code: '4420', lat: 22.52, lon: 113.39 },
  { code: '4451', lat: 23.66, lon: 116.62 }, { code: '4452', lat: 23.55, lon: 116.37 },
  { code: '4453', lat: 22.92, lon: 112.04 },
];
const GUANGZHOU_DISTRICTS = ['03', '04', '05', '06', '11', '12', '13', '14', '15', '17', '18'];

interface District {
  code: string;
  lat: number;
  lon: number;
}

/** Districts laid out in a small ring around their city's centre, about 5 km apart. */
function districtsOfGuangdong(): District[] {
  return CITIES.flatMap((city) => {
    const suffixes =
      city.code === '4401' ? GUANGZHOU_DISTRICTS : GUANGZHOU_DISTRICTS.map((_, n) => `0${n + 2}`.slice(-2));
    return suffixes.map((suffix, n) => ({
      code: `${city.code}${suffix}`,
      lat: city.lat + 0.05 * Math.sin((2 * Math.PI * n) / suffixes.length),
      lon: city.lon + 0.05 * Math.cos((2 * Math.PI * n) / suffixes.length),
    }));
  });
}

/** The areas timed: as the fan-out will ask for them. */
const CASES: Array<{ name: string; areas: AlertArea[]; isPaged?: boolean }> = [
  { name: 'district 440106 (天河区)', areas: [{ regionCodes: ['440106'], polygons: [], circles: [] }] },
  { name: 'city 440100 (广州市)', areas: [{ regionCodes: ['440100'], polygons: [], circles: [] }] },
  { name: 'province 440000 (广东省, everyone)', areas: [{ regionCodes: ['440000'], polygons: [], circles: [] }] },
  {
    name: 'province 440000, page by page',
    areas: [{ regionCodes: ['440000'], polygons: [], circles: [] }],
    isPaged: true,
  },
  {
    name: 'polygon over central Guangzhou',
    areas: [
      {
        regionCodes: [],
        circles: [],
        polygons: [
          [
            { lat: 23.05, lon: 113.25 },
            { lat: 23.05, lon: 113.45 },
            { lat: 23.2, lon: 113.45 },
            { lat: 23.12, lon: 113.35 },
            { lat: 23.2, lon: 113.25 },
            { lat: 23.05, lon: 113.25 },
          ],
        ],
      },
    ],
  },
  {
    name: 'circle 8 km around 深圳',
    areas: [{ regionCodes: [], polygons: [], circles: [{ centre: { lat: 22.55, lon: 114.06 }, radiusKm: 8 }] }],
  },
];

/**
 * bench/alert-targeting, on a real PostgreSQL started for the run: loads N subscribers (default 1,000,000) spread over
 * Guangdong's districts (SMS and mini-program, a tenth of them one person on two channels, a third with a location,
 * a fifth with quiet hours), then times AlertTargeting.recipientsFor for a district, a city, the whole province, a
 * polygon and a circle, and recipientPages (one page at a time, as the fan-out should read it) for the province. Each case runs in a fresh child process holding only the notifier's targeting code, so its
 * peak RSS is what selecting those recipients costs the notifier.
 *   npm run bench:alert-targeting -- --subscribers 1000000 [--data-dir .data/bench-targeting]
 * With --data-dir the database is kept there and reused when it already holds N subscribers.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '1000000' },
      'data-dir': { type: 'string' },
      measure: { type: 'string' },
    },
  });
  if (values.measure !== undefined) return measure(Number(values.measure));

  const total = Number(values.subscribers);
  const root = projectRoot();
  const keptDir = values['data-dir'];
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), 'gov-assistant-bench-'));
  if (keptDir) mkdirSync(keptDir, { recursive: true });
  const log = (line: string) => process.stdout.write(`» ${line}\n`);
  const postgres = await startPostgres({
    dataDir,
    port: await freePort(),
    cacheDir: join(root, 'node_modules', '.cache', 'gov-assistant'),
    log,
  });
  try {
    const database = notifierDatabase(postgres.url());
    await runMigrations(database, createLogger('bench', 'warn'));
    const dataSource = await new DataSource(dataSourceOptions(database)).initialize();
    try {
      await load(dataSource, total, log);
    } finally {
      await dataSource.destroy();
    }
    const results: string[] = [];
    for (const [index, { name }] of CASES.entries()) {
      log(`timing: ${name}`);
      const result = await inChild(index, postgres.url());
      results.push(
        `${name.padEnd(36)} ${String(result.count).padStart(8)} recipients ` +
          `${result.ms.toFixed(0).padStart(7)} ms   peak RSS ${result.peakRssMb.toFixed(0).padStart(4)} MB ` +
          `(${result.startRssMb.toFixed(0)} MB before)`,
      );
    }
    process.stdout.write(
      `\nrecipientsFor over ${total} subscribers in Guangdong, this machine (${cpus().length} cores):\n` +
        `${results.join('\n')}\n`,
    );
  } finally {
    await postgres.stop();
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Loads the subscribers in one statement, unless the kept database already holds exactly that many. */
async function load(dataSource: DataSource, total: number, log: (line: string) => void): Promise<void> {
  const [{ count }]: Array<{ count: number }> = await dataSource.query(
    `SELECT count(*)::int AS count FROM notifier.subscribers`,
  );
  if (count === total) return log(`reusing ${total} subscribers`);
  log(`loading ${total} subscribers`);
  const districts = districtsOfGuangdong();
  const started = performance.now();
  await dataSource.query(`TRUNCATE notifier.subscribers`);
  // Every twentieth pair of rows is one person on SMS and the mini-program, SMS ranked second; SMS subscribers are
  // keyed by their phone as the API does; a third are located near their district's centre.
  await dataSource.query(
    `INSERT INTO notifier.subscribers (id, channel, address_cipher, address_index, region_codes, lat, lon, lang,
       elder_mode, quiet_start, quiet_end, person_key, preference, created_at, updated_at)
     SELECT gen_random_uuid(), channel, 'bench', 'bench-' || i, ARRAY[($2::text[])[d]],
       CASE WHEN channel = 'wxa' OR i % 3 = 0 THEN ($3::float8[])[d] + (random() - 0.5) * 0.1 END,
       CASE WHEN channel = 'wxa' OR i % 3 = 0 THEN ($4::float8[])[d] + (random() - 0.5) * 0.1 END,
       (ARRAY['zh', 'zh', 'zh', 'zh', 'zh', 'zh', 'zh', 'en', 'ug'])[1 + i % 9], i % 11 = 0,
       CASE WHEN i % 5 = 4 THEN '22:00' END, CASE WHEN i % 5 = 4 THEN '07:00' END,
       CASE WHEN i % 20 IN (0, 1) THEN 'person-' || (i / 20) WHEN channel = 'sms' THEN 'phone-' || i END,
       CASE WHEN i % 20 = 0 THEN 2 WHEN channel = 'sms' THEN 1 ELSE 2 END, now(), now()
       FROM (SELECT i, 1 + ((i / 20) * 7919) % $5::int AS d,
                    CASE WHEN i % 20 = 1 OR i % 5 = 2 THEN 'wxa' ELSE 'sms' END AS channel
               FROM generate_series(0, $1::int - 1) i) AS spread`,
    [
      total,
      districts.map((district) => district.code),
      districts.map((district) => district.lat),
      districts.map((district) => district.lon),
      districts.length,
    ],
  );
  await dataSource.query(`VACUUM ANALYZE notifier.subscribers`);
  log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

interface Measurement {
  count: number;
  ms: number;
  startRssMb: number;
  peakRssMb: number;
}

function inChild(index: number, databaseUrl: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--measure', String(index)], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as Measurement));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`measuring case ${index} failed`))));
  });
}

/** In the child: connect as the notifier does, select the recipients once, report count, time and peak RSS. */
async function measure(index: number): Promise<void> {
  const url = process.env.DATABASE_URL ?? '';
  const dataSource = await new DataSource(dataSourceOptions(notifierDatabase(url))).initialize();
  const targeting = new AlertTargeting(dataSource);
  const { areas, isPaged } = CASES[index];
  const options = { alert: { severity: 'Severe', urgency: 'Expected' } as const, now: new Date() };
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  let count = 0;
  if (isPaged) {
    // As the fan-out reads them: each page handed on (here: counted) before the next is read.
    for await (const page of targeting.recipientPages(areas, options)) count += page.length;
  } else {
    count = (await targeting.recipientsFor(areas, options)).length;
  }
  const ms = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await dataSource.destroy();
  const measurement: Measurement = { count, ms, startRssMb, peakRssMb };
  process.send?.(measurement);
  process.disconnect?.();
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
