import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { personalDataFields } from '@libs/common/config/config-fields';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { TencentSmsClient } from '@libs/common/vendors/sms/tencent-sms-client';
import { notifierDatabase } from '../apps/notifier/src/database';
import { startFakeSmsVendors } from '../test/fakes/fake-sms-vendors';
import { appEnvironment, launchApp, newDevSecrets, waitForReady } from '../tools/dev/apps';
import { startInfrastructure } from '../tools/dev/infrastructure';
import { freePort, ManagedProcess } from '../tools/dev/processes';
import { projectRoot } from '../tools/dev/project-root';

/**
 * bench/alert-fanout, on real PostgreSQL, Redis and the dev Kafka broker started for the run, with the notifier as
 * built and the local fake Tencent SMS vendor (signature checked on every request):
 * 1. S subscribers (default 1,000,000) spread over Guangdong's districts, loaded straight into notifier.subscribers
 *    (numbers encrypted and blind-indexed as registration stores them);
 * 2. one alert for the whole province POSTed: time until every recipient is selected, written to
 *    notifier.deliveries and queued (the alert's fanned_out_at);
 * 3. the delivery rate to the fake vendor while the notifier sends (200 numbers a request), beside the bare
 *    baseline: the same fake hit by a plain loop of the same client with the same concurrency, no queue, no database;
 * 4. the notifier's peak RSS over the run.
 *   npm run bench:alert-fanout -- --subscribers 1000000 --area 440000 --concurrency 16 --rps 1000 [--queue-only]
 */
async function main() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '1000000' },
      area: { type: 'string', default: '440000' },
      concurrency: { type: 'string', default: '16' },
      rps: { type: 'string', default: '1000' },
      'baseline-seconds': { type: 'string', default: '10' },
      // Sending held to 1 request a second: how long selecting and queueing take without sends competing for the cores.
      'queue-only': { type: 'boolean', default: false },
    },
  });
  const subscriberCount = Number(values.subscribers);
  const concurrency = Number(values.concurrency);
  const root = projectRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-assistant-bench-'));
  const log = (line: string) => process.stdout.write(`» ${line}\n`);
  const infrastructure = await startInfrastructure({
    dataDir,
    cacheDir: join(root, 'node_modules', '.cache', 'gov-assistant'),
    ports: { postgres: await freePort(), redis: await freePort(), kafka: await freePort() },
    isThrowaway: false,
    log,
  });
  const fakes = await startFakeSmsVendors();
  const vendor = fakes.gatewayEnv();
  const processes: ManagedProcess[] = [];
  const secrets = newDevSecrets();
  try {
    const tencent = new TencentSmsClient(
      {
        secretId: vendor.SMS_TENCENT_SECRET_ID,
        secretKey: vendor.SMS_TENCENT_SECRET_KEY,
        sdkAppId: vendor.SMS_TENCENT_SDK_APP_ID,
        templateId: vendor.SMS_TENCENT_TEMPLATE_ID,
        region: 'ap-guangzhou',
        apiBase: vendor.SMS_TENCENT_API_BASE,
        paramMaxChars: 300,
      },
      10_000,
    );
    log(`bare baseline: ${concurrency} loops of SendSms × 200 numbers for ${values['baseline-seconds']} s`);
    const baseline = await plainLoop(tencent, fakes.signName, concurrency, Number(values['baseline-seconds']) * 1000);
    fakes.reset();

    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, secrets),
      NOTIFIER_PORT: String(await freePort()),
      // info: the fan-out's own line (selection and queueing times) is read from the log afterwards.
      LOG_LEVEL: 'info',
      SMS_SIGN_NAME: vendor.SMS_SIGN_NAME,
      SMS_TENCENT_SECRET_ID: vendor.SMS_TENCENT_SECRET_ID,
      SMS_TENCENT_SECRET_KEY: vendor.SMS_TENCENT_SECRET_KEY,
      SMS_TENCENT_SDK_APP_ID: vendor.SMS_TENCENT_SDK_APP_ID,
      SMS_TENCENT_API_BASE: vendor.SMS_TENCENT_API_BASE,
      ALERT_SMS_TENCENT_TEMPLATE_ID: vendor.SMS_TENCENT_TEMPLATE_ID,
      ALERT_SMS_REQUESTS_PER_SECOND: values['queue-only'] ? '1' : values.rps,
      ALERT_SEND_CONCURRENCY: String(concurrency),
    };
    const logger = createLogger('bench', 'warn');
    await runMigrations(notifierDatabase(env.DATABASE_URL), logger);
    const dataSource = await new DataSource(dataSourceOptions(notifierDatabase(env.DATABASE_URL))).initialize();
    log(`loading ${subscriberCount} subscribers over ${DISTRICTS.length} districts`);
    const loadStarted = Date.now();
    await loadSubscribers(dataSource, secrets, subscriberCount);
    log(`loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

    const logFile = join(dataDir, 'notifier.log');
    const notifier = launchApp('notifier', env, logFile);
    processes.push(notifier);
    await waitForReady(notifier, Number(env.NOTIFIER_PORT));
    const pid = notifier.child.pid ?? 0;
    let peakRssBytes = rssOf(pid);
    const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, rssOf(pid))), 250);

    const jwt = new JwtService({ secret: secrets.JWT_SECRET });
    const token = await jwt.signAsync(
      { sub: 'bench', username: 'bench', roles: ['emergency_officer'] },
      { algorithm: 'HS256', expiresIn: 3600 },
    );
    log(`POST one alert for ${values.area}`);
    const postedAt = Date.now();
    const answer = await fetch(`http://127.0.0.1:${env.NOTIFIER_PORT}/api/v1/alerts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cap+xml' },
      body: provinceAlert(String(values.area)),
    });
    const acceptedMs = Date.now() - postedAt;
    const { id } = (await answer.json()) as { id: string };
    if (answer.status >= 300 || !id) throw new Error(`the alert was not accepted: ${answer.status}`);

    const progress: Array<{ at: number; sent: number }> = [];
    let queuedMs: number | undefined;
    let targeted = 0;
    let dropped = 0;
    // Numbers the fake vendor got a message for: a message beyond one per number is a duplicate send.
    const numbersReached = new Set<string>();
    const sentSoFar = () => dropped + fakes.tencent.sent.length;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = Date.now();
      progress.push({ at: now, sent: sentSoFar() });
      if (queuedMs === undefined) {
        const [row]: Array<{ fanned_out_at: Date | null; targeted: number | null }> = await dataSource.query(
          `SELECT fanned_out_at, targeted FROM notifier.alerts WHERE id = $1`,
          [id],
        );
        if (row?.fanned_out_at) {
          queuedMs = row.fanned_out_at.getTime() - postedAt;
          targeted = row.targeted ?? 0;
          log(`${targeted} recipients selected and queued after ${(queuedMs / 1000).toFixed(1)} s`);
        }
      }
      if (queuedMs !== undefined && (values['queue-only'] || sentSoFar() >= targeted)) break;
      if (now - postedAt > 30 * 60_000) throw new Error('not all sent within 30 minutes');
      // The fake keeps every message; drop them once counted, to keep this process small.
      if (fakes.tencent.sent.length > 200_000) {
        for (const sms of fakes.tencent.sent) numbersReached.add(sms.phoneNumber);
        dropped += fakes.tencent.sent.length;
        fakes.tencent.sent.length = 0;
      }
    }
    for (const sms of fakes.tencent.sent) numbersReached.add(sms.phoneNumber);
    // The last answers are being stored: wait until no row is queued or sending any more.
    for (let waited = 0; !values['queue-only']; waited += 250) {
      const [{ unsettled }]: Array<{ unsettled: number }> = await dataSource.query(
        `SELECT count(*)::int AS unsettled FROM notifier.deliveries WHERE alert_id = $1 AND state IN ('queued', 'sending')`,
        [id],
      );
      if (unsettled === 0) break;
      if (waited > 60_000)
        throw new Error(`${unsettled} deliveries still queued or sending a minute after the last SMS`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    clearInterval(sampler);
    const [counts]: Array<{ sent: number }> = await dataSource.query(
      `SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent FROM notifier.deliveries WHERE alert_id = $1`,
      [id],
    );
    const duplicateSends = dropped + fakes.tencent.sent.length - numbersReached.size;
    await dataSource.destroy();
    const fannedOut = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"alert fanned out"'))
      .map((line) => JSON.parse(line) as { selectMs: number; writeMs: number; jobsMs: number; queuedMs: number })[0];

    const total = counts.sent;
    const rate = sustainedRate(progress);
    const firstSentAt = progress.find((point) => point.sent > 0)?.at ?? postedAt;
    const lastAt = progress[progress.length - 1].at;
    process.stdout.write(
      `\n${subscriberCount} subscribers over ${DISTRICTS.length} districts, alert for ${values.area}, this machine (${cpus().length} cores):\n` +
        `POST answered                                ${acceptedMs.toFixed(0).padStart(8)} ms\n` +
        `POST → all ${targeted} selected and queued   ${((queuedMs ?? 0) / 1000).toFixed(1).padStart(8)} s   (target ≤ 30 s)\n` +
        `  of which targeting (AlertTargeting, paged) ${((fannedOut?.selectMs ?? 0) / 1000).toFixed(1).padStart(7)} s\n` +
        `  rows written (INSERT … unnest)            ${((fannedOut?.writeMs ?? 0) / 1000).toFixed(1).padStart(8)} s\n` +
        `  jobs queued (BullMQ addBulk)              ${((fannedOut?.jobsMs ?? 0) / 1000).toFixed(1).padStart(8)} s\n` +
        `POST → all sent                              ${((lastAt - postedAt) / 1000).toFixed(1).padStart(8)} s   (first after ${((firstSentAt - postedAt) / 1000).toFixed(1)} s)\n` +
        `\ndelivery to the fake Tencent SMS, ${concurrency} requests in flight, 200 numbers each:\n` +
        `plain SendSms loop (baseline)                ${baseline.toFixed(0).padStart(8)} messages/s\n` +
        `notifier, sustained (10 %–90 % of sends)     ${rate.toFixed(0).padStart(8)} messages/s   (target ≥ 10,000)\n` +
        `notifier, whole run                          ${(total / ((lastAt - firstSentAt) / 1000)).toFixed(0).padStart(8)} messages/s\n` +
        `deliveries sent ${total}, SMS to the same number twice ${duplicateSends}\n` +
        `\nnotifier peak RSS                            ${(peakRssBytes / 2 ** 20).toFixed(0).padStart(8)} MiB   (target < 1024)\n`,
    );
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await fakes.stop();
    await infrastructure.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Guangdong's 21 prefecture-level cities, up to 10 district codes each: where the subscribers live. */
const DISTRICTS = Array.from({ length: 21 }, (_, city) => city + 1).flatMap((city) =>
  Array.from(
    { length: 10 },
    (_, district) => `44${String(city).padStart(2, '0')}${String(district + 2).padStart(2, '0')}`,
  ),
);

async function loadSubscribers(
  dataSource: DataSource,
  secrets: ReturnType<typeof newDevSecrets>,
  count: number,
): Promise<void> {
  const cipher = new FieldCipher(personalDataFields.PII_KEYS.parse(secrets.PII_KEYS), secrets.PII_ACTIVE_KEY_ID);
  const blindIndex = new BlindIndex(personalDataFields.BLIND_INDEX_KEY.parse(secrets.BLIND_INDEX_KEY));
  const chunk = 20_000;
  for (let start = 0; start < count; start += chunk) {
    const phones = Array.from(
      { length: Math.min(chunk, count - start) },
      (_, n) => `13${String(start + n).padStart(9, '0')}`,
    );
    await dataSource.query(
      `INSERT INTO notifier.subscribers (id, channel, address_cipher, address_index, region_codes, lang, preference,
         created_at, updated_at)
       SELECT gen_random_uuid(), 'sms', c, i, ARRAY[d], l, 1, now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(c, i, d, l)`,
      [
        phones.map((phone) => cipher.encrypt(phone)),
        phones.map((phone) => blindIndex.of('phone', phone)),
        phones.map((_, n) => DISTRICTS[(start + n) % DISTRICTS.length]),
        // Mostly Chinese, some English and Uyghur: three texts, so three kinds of batch.
        phones.map((_, n) => ((start + n) % 20 === 0 ? 'en' : (start + n) % 50 === 1 ? 'ug' : 'zh')),
      ],
    );
  }
  await dataSource.query(`ANALYZE notifier.subscribers`);
}

/** The same client as the notifier's, in loops: the vendor path with nothing of ours around it. */
async function plainLoop(
  client: TencentSmsClient,
  signName: string,
  loops: number,
  durationMs: number,
): Promise<number> {
  const until = Date.now() + durationMs;
  let sent = 0;
  let serial = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (Date.now() < until) {
        const phoneNumbers = Array.from({ length: 200 }, () => `+8613${String(serial++).padStart(9, '0')}`);
        const result = await client.sendBulk({
          phoneNumbers,
          signName,
          parameter: '【预警】基线测试。',
          reference: 'baseline',
        });
        sent += result.accepted.length;
      }
    }),
  );
  return sent / ((Date.now() - started) / 1000);
}

/** Messages per second between 10 % and 90 % of the sends: the steady part, without start-up and tail. */
function sustainedRate(progress: ReadonlyArray<{ at: number; sent: number }>): number {
  const last = progress[progress.length - 1]?.sent ?? 0;
  const from = progress.find((point) => point.sent >= last * 0.1);
  const to = progress.find((point) => point.sent >= last * 0.9);
  if (!from || !to || to.at === from.at) return 0;
  return (to.sent - from.sent) / ((to.at - from.at) / 1000);
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function provinceAlert(regionCode: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>bench-${Date.now()}</identifier>
  <sender>gd-warning-centre@12379.example.cn</sender>
  <sent>2026-06-12T08:30:00+08:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>台风</event>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Observed</certainty>
    <senderName>广东省气象台</senderName>
    <headline>广东省气象台发布台风红色预警信号</headline>
    <instruction>请留在室内，远离门窗，切勿外出。</instruction>
    <area><areaDesc>广东省</areaDesc><geocode><valueName>GB/T 2260</valueName><value>${regionCode}</value></geocode></area>
  </info>
  <info>
    <language>en-US</language>
    <category>Met</category>
    <event>Typhoon</event>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Observed</certainty>
    <headline>Red typhoon warning for Guangdong</headline>
    <instruction>Stay indoors, away from windows.</instruction>
    <area><areaDesc>Guangdong</areaDesc><geocode><valueName>GB/T 2260</valueName><value>${regionCode}</value></geocode></area>
  </info>
</alert>`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
