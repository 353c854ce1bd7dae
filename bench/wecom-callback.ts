import { encrypt, getSignature } from '@wecom/crypto';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { appEnvironment, launchApp, loadDemoContent, newDevSecrets, waitForReady } from '../tools/dev/apps';
import { freePort, ManagedProcess, startProcess, waitUntil } from '../tools/dev/processes';
import { log, startBenchInfrastructure } from './support/bench-infrastructure';
import { closedLoop, describe } from './latency';

const CORP_ID = 'ww5e4c7f0d3a1b2c90';
const AGENT_ID = 1000002;
const BASELINE_TOPIC = 'bench.wecom.callbacks';

/**
 * bench/wecom-callback: C concurrent WeCom senders POST encrypted message callbacks (each a new MsgId, from one of
 * M members) to the gateway's /channels/wecom/callback, which checks the signature, decrypts, finds the member's
 * conversation, stores the message (encrypted) in Postgres and hands it to Kafka before answering 200. Beside it, the
 * bare baseline: a plain node:http server that only checks the signature, decrypts and produces to the same broker
 * (bench/wecom-callback-baseline.ts). Real PostgreSQL, Redis and the dev Kafka broker are started for the run.
 * Callbacks are sealed with the vendor's own library (@wecom/crypto), as WeCom would.
 *   npm run bench:wecom-callback -- --senders 64 --seconds 20 [--members 1000]
 */
async function main() {
  const { values } = parseArgs({
    options: {
      senders: { type: 'string', default: '64' },
      seconds: { type: 'string', default: '20' },
      members: { type: 'string', default: '1000' },
    },
  });
  const senders = Number(values.senders);
  const seconds = Number(values.seconds);
  const members = Array.from({ length: Number(values.members) }, (_, n) => `Member${n}`);
  const secrets = { token: `Tk${randomBytes(12).toString('hex')}`, encodingAesKey: randomAesKey() };
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  const infrastructure = await startBenchInfrastructure({ extraTopics: [BASELINE_TOPIC] });
  const processes: ManagedProcess[] = [];
  let msgId = 7_000_000_000_000_000_000n;
  const post = (port: number) => async (sender: number) => {
    msgId += 1n;
    const member = members[(sender + Number(msgId % BigInt(members.length))) % members.length];
    const status = await postCallback(agent, port, secrets, member, String(msgId));
    return status === 200;
  };
  try {
    const baselinePort = await freePort();
    const baseline = startProcess('baseline', process.execPath, [
      join(__dirname, 'wecom-callback-baseline.js'),
      String(baselinePort),
      infrastructure.kafka.brokers,
      BASELINE_TOPIC,
      secrets.token,
      secrets.encodingAesKey,
    ]);
    processes.push(baseline);
    await waitUntil(
      'the baseline server',
      () => postCallback(agent, baselinePort, secrets, 'probe', '1').then((s) => s === 200),
      {
        timeoutMs: 30_000,
        process: baseline,
      },
    );
    log(`bare baseline: ${senders} senders, ${seconds} s`);
    await closedLoop(senders, 3, post(baselinePort));
    const bare = await closedLoop(senders, seconds, post(baselinePort));
    await baseline.stop();

    const port = await freePort();
    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, newDevSecrets()),
      GATEWAY_PORT: String(port),
      WECOM_CORP_ID: CORP_ID,
      WECOM_AGENT_ID: String(AGENT_ID),
      WECOM_SECRET: 'bench-secret-not-used-no-reply-is-sent-here-000',
      WECOM_TOKEN: secrets.token,
      WECOM_ENCODING_AES_KEY: secrets.encodingAesKey,
      // Nothing is sent out: dialogue does not run, so no reply goes to message/send.
      WECOM_API_BASE: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    };
    await loadDemoContent('gateway', env);
    const gateway = launchApp('gateway', env);
    processes.push(gateway);
    await waitForReady(gateway, port);
    log(`gateway: first contact of ${members.length} members, then ${senders} senders, ${seconds} s`);
    await closedLoop(senders, Math.max(3, Math.ceil(members.length / 500)), post(port));
    const product = await closedLoop(senders, seconds, post(port));

    process.stdout.write(
      `\nWeCom callbacks, ${senders} concurrent senders, ${members.length} members, this machine (${cpus().length} cores):\n` +
        `${describe('bare verify+decrypt+produce', bare).replace('round trips/s', 'callbacks/s  ')}\n` +
        `${describe('gateway /channels/wecom/callback', product).replace('round trips/s', 'callbacks/s  ')}\n` +
        `ratio: ${((product.perSecond / bare.perSecond) * 100).toFixed(0)} % of the baseline's throughput\n`,
    );
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await infrastructure.stop();
  }
}

/** One text message from `member`, sealed and signed as WeCom does; resolves to the HTTP status. */
function postCallback(
  agent: Agent,
  port: number,
  secrets: { token: string; encodingAesKey: string },
  member: string,
  msgId: string,
): Promise<number> {
  const inner =
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${member}]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[你好，我想问一下社保怎么查]]></Content><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
  const encrypted = encrypt(secrets.encodingAesKey, inner, CORP_ID);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1e8, 1e9));
  const query = new URLSearchParams({
    msg_signature: getSignature(secrets.token, timestamp, nonce, encrypted),
    timestamp,
    nonce,
  });
  const body =
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt>` +
    `<AgentID><![CDATA[${AGENT_ID}]]></AgentID></xml>`;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: `/channels/wecom/callback?${query}`,
        method: 'POST',
        headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** An EncodingAESKey as the admin console makes it: 43 letters and digits that decode to 32 bytes. */
function randomAesKey(): string {
  for (;;) {
    const key = randomBytes(32).toString('base64').slice(0, 43);
    if (/^[A-Za-z0-9]{43}$/.test(key) && Buffer.from(`${key}=`, 'base64').length === 32) return key;
  }
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
