import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Channel } from '@libs/common/contracts/common-fields';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { DomainError } from '@libs/common/errors/domain-error';
import { createLogger } from '@libs/common/logging/logger';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { ChannelContacts } from '../../apps/gateway/src/channels/channel-contacts';
import { ChannelSender, DeliveryFailed, OutboundMessage } from '../../apps/gateway/src/channels/channel-sender';
import { ConversationStore } from '../../apps/gateway/src/conversations/conversation-store';
import { gatewayDatabase } from '../../apps/gateway/src/database';
import { EnqueueReply } from '../../apps/gateway/src/outbound/enqueue-reply.use-case';
import { OutboundDeliveries } from '../../apps/gateway/src/outbound/outbound-deliveries';
import { OutboundQueues } from '../../apps/gateway/src/outbound/outbound-queues';
import { parseRateLimits } from '../../apps/gateway/src/outbound/outbound-rate-limits';
import { OutboundSettings } from '../../apps/gateway/src/outbound/outbound-settings';
import { RetryDeadLetter } from '../../apps/gateway/src/outbound/retry-dead-letter.use-case';
import { SendNextReply } from '../../apps/gateway/src/outbound/send-next-reply.use-case';
import { ChannelNotConnected, DeliverReply } from '../../apps/gateway/src/replies/deliver-reply.use-case';
import { SessionFeed } from '../../apps/gateway/src/webchat/session-feed';
import { eventually } from '../support/chat';
import { testInfrastructure } from '../support/test-infrastructure';

// The outbound queue against the real Postgres and Redis, with the gateway's own classes; only the vendor is a
// stand-in (a ChannelSender scripted per reply text), since a sender is the one part that differs per channel.

const infrastructure = testInfrastructure();
const logger = createLogger('outbound-test', 'silent');

let dataSource: DataSource;
let cipher: FieldCipher;
let contacts: ChannelContacts;
let store: ConversationStore;
let deliveries: OutboundDeliveries;
let redis: Redis;

beforeAll(async () => {
  const db = gatewayDatabase(await infrastructure.freshDatabase('outbound'));
  await runMigrations(db, logger);
  dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  cipher = new FieldCipher(new Map([['t1', randomBytes(32)]]), 't1');
  contacts = new ChannelContacts(dataSource, cipher, new BlindIndex(randomBytes(32)));
  store = new ConversationStore(dataSource, cipher);
  deliveries = new OutboundDeliveries(dataSource, cipher);
  redis = new Redis(infrastructure.redisUrl);
});
afterAll(async () => {
  await redis?.quit();
  await dataSource?.destroy();
});

interface Call {
  replica: string;
  conversationId: string;
  messageId: string;
  text: string;
  address: string;
  startedAt: number;
  ok: boolean;
}

/** The vendor: answers each text with its scripted failures first, then accepts it. Shared by every replica. */
class FakeVendor {
  readonly calls: Call[] = [];
  /** Sends of one conversation that overlapped in time: must stay empty. */
  readonly overlaps: string[] = [];
  private readonly scripts = new Map<string, Error[]>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly sendMs: () => number = () => 2) {}

  failFirst(text: string, ...failures: Error[]): void {
    this.scripts.set(text, failures);
  }

  senderFor(replica: string, channel: Channel = 'wecom'): ChannelSender {
    return { channel, send: (message) => this.send(replica, message) };
  }

  sent(conversationId: string): string[] {
    return this.calls.filter((call) => call.conversationId === conversationId && call.ok).map((call) => call.text);
  }

  callsOf(text: string): Call[] {
    return this.calls.filter((call) => call.text === text);
  }

  private async send(replica: string, message: OutboundMessage): Promise<{ platformMessageId: string }> {
    if (this.inFlight.has(message.conversationId)) this.overlaps.push(message.text);
    this.inFlight.add(message.conversationId);
    const call: Call = {
      replica,
      conversationId: message.conversationId,
      messageId: message.messageId,
      text: message.text,
      address: message.contact.address,
      startedAt: Date.now(),
      ok: false,
    };
    this.calls.push(call);
    try {
      await new Promise((resolve) => setTimeout(resolve, this.sendMs()));
      const failure = this.scripts.get(message.text)?.shift();
      if (failure) throw failure;
      call.ok = true;
      return { platformMessageId: `msgid-${this.calls.length}` };
    } finally {
      this.inFlight.delete(message.conversationId);
    }
  }
}

/** One gateway replica's outbound side, as the module wires it, on a BullMQ prefix of the test's own. */
interface Replica {
  queues: OutboundQueues;
  deliverReply: DeliverReply;
  retryDeadLetter: RetryDeadLetter;
}

const running: Array<{ queues: OutboundQueues; feed: SessionFeed }> = [];
afterEach(async () => {
  for (const { queues, feed } of running.splice(0)) {
    await queues.stop();
    await feed.onModuleDestroy();
  }
});

function settingsFor(prefix: string, overrides: Partial<OutboundSettings>): OutboundSettings {
  const limits = parseRateLimits('wecom=1000');
  if (!limits.ok) throw new Error(limits.problem);
  return {
    redisUrl: infrastructure.redisUrl,
    prefix,
    rateLimits: limits.limits,
    maxAttempts: 8,
    backoff: { baseMs: 40, maxMs: 400 },
    concurrency: 4,
    sendTimeoutMs: 2_000,
    leaseMs: 5_000,
    busyRetryMs: 20,
    sweepEveryMs: 0,
    stalledAfterMs: 60_000,
    ...overrides,
  };
}

async function startReplica(
  name: string,
  vendor: FakeVendor,
  prefix: string,
  overrides: Partial<OutboundSettings> = {},
): Promise<Replica> {
  const settings = settingsFor(prefix, overrides);
  const senders = [vendor.senderFor(name)];
  const sendNextReply = new SendNextReply(deliveries, contacts, senders, settings, logger);
  const queues = new OutboundQueues(sendNextReply, deliveries, senders, settings, logger);
  const feed = new SessionFeed(redis, logger);
  running.push({ queues, feed });
  await queues.start();
  const enqueueReply = new EnqueueReply(deliveries, queues);
  return {
    queues,
    deliverReply: new DeliverReply(store, feed, queues, enqueueReply),
    retryDeadLetter: new RetryDeadLetter(deliveries, queues, logger),
  };
}

const newPrefix = () => `outbound-test-${randomUUID()}`;

async function conversationWith(address: string): Promise<string> {
  const contact = await contacts.conversationOf('wecom', '1000002', address);
  return contact.conversationId;
}

function replyIn(conversationId: string, text: string, channel: Channel = 'wecom'): ReplyV1 {
  return { channel, conversationId, messageId: randomUUID(), text, endOfTurn: true };
}

/** Delivers the replies one after the other, as the Kafka consumer does within a conversation's key. */
async function deliverInOrder(replica: Replica, conversationId: string, texts: string[]): Promise<ReplyV1[]> {
  const replies = texts.map((text) => replyIn(conversationId, text));
  for (const reply of replies) await replica.deliverReply.execute(reply);
  return replies;
}

async function rowOf(messageId: string) {
  const [row] = await dataSource.query(
    `SELECT status, attempts, last_error, vendor_code, platform_message_id
       FROM gateway.outbound_deliveries WHERE message_id = $1`,
    [messageId],
  );
  return row;
}

/** Waits until none of the conversations has a reply left to send or to retry. */
async function settled(...conversationIds: string[]): Promise<void> {
  await eventually(async () => {
    const [{ open }] = await dataSource.query(
      `SELECT count(*)::int AS open FROM gateway.outbound_deliveries
        WHERE conversation_id = ANY($1::uuid[]) AND status IN ('pending', 'sending')`,
      [conversationIds],
    );
    expect(open).toBe(0);
  }, 30_000);
}

const retryable = (code = '-1') => new DeliveryFailed('system busy', true, code);
const gaps = (calls: Call[]) => calls.slice(1).map((call, index) => call.startedAt - calls[index].startedAt);

describe('the outbound queue of a channel', () => {
  it('sends a conversation’s replies in stored order, holding the later ones back while one is retried', async () => {
    const vendor = new FakeVendor();
    vendor.failFirst('第2条', retryable(), new Error('socket hang up'));
    const replica = await startReplica('a', vendor, newPrefix());
    const conversationId = await conversationWith('zhangsan');
    const texts = ['第1条', '第2条', '第3条', '第4条', '第5条'];

    const replies = await deliverInOrder(replica, conversationId, texts);
    await settled(conversationId);

    expect(vendor.sent(conversationId)).toEqual(texts);
    // Every call, failed or not: the third reply was not tried before the second went through.
    expect(vendor.calls.map((call) => call.text)).toEqual([
      '第1条',
      '第2条',
      '第2条',
      '第2条',
      '第3条',
      '第4条',
      '第5条',
    ]);
    expect(vendor.calls.every((call) => call.address === 'zhangsan')).toBe(true);
    // Backoff 40 ms, then 80 ms, less at most a quarter of jitter.
    const [first, second] = gaps(vendor.callsOf('第2条'));
    expect(first).toBeGreaterThanOrEqual(30);
    expect(second).toBeGreaterThanOrEqual(60);
    expect(await rowOf(replies[1].messageId)).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await rowOf(replies[1].messageId)).platform_message_id).toMatch(/^msgid-/);
  });

  it('waits as long as the vendor asks before trying again', async () => {
    const vendor = new FakeVendor();
    vendor.failFirst('请稍候', new DeliveryFailed('api freq out of limit', true, '45009', 600));
    const replica = await startReplica('a', vendor, newPrefix());
    const conversationId = await conversationWith('lisi');

    await deliverInOrder(replica, conversationId, ['请稍候']);
    await settled(conversationId);

    expect(gaps(vendor.callsOf('请稍候'))[0]).toBeGreaterThanOrEqual(590);
  });

  it('dead-letters a reply the vendor refuses for good, without its text, and sends the next one', async () => {
    const vendor = new FakeVendor();
    const refused = '您的材料清单已更新，请于3个工作日内补齐';
    vendor.failFirst(refused, new DeliveryFailed('invalid touser 13812345678', false, '81013'));
    const replica = await startReplica('a', vendor, newPrefix());
    const conversationId = await conversationWith('wangwu');

    const replies = await deliverInOrder(replica, conversationId, ['您好', refused, '还有什么可以帮您？']);
    await settled(conversationId);

    expect(vendor.sent(conversationId)).toEqual(['您好', '还有什么可以帮您？']);
    expect(vendor.callsOf(refused)).toHaveLength(1);
    const deadLetters = await deliveries.deadLetters({ channel: 'wecom', limit: 50 });
    const deadLetter = deadLetters.find((letter) => letter.id === replies[1].messageId);
    expect(deadLetter).toMatchObject({
      channel: 'wecom',
      conversationId,
      attempts: 1,
      vendorCode: '81013',
      lastError: 'DeliveryFailed: invalid touser [number]',
    });
    expect(JSON.stringify(deadLetters)).not.toContain('材料清单');
    expect(await deliveries.deadLetters({ channel: 'sms', limit: 50 })).toEqual([]);
  });

  it('gives a reply up after the configured attempts, network errors included, and carries on', async () => {
    const vendor = new FakeVendor();
    vendor.failFirst('总是失败', ...Array.from({ length: 10 }, () => new TypeError('fetch failed')));
    const replica = await startReplica('a', vendor, newPrefix(), { maxAttempts: 3 });
    const conversationId = await conversationWith('zhaoliu');

    const replies = await deliverInOrder(replica, conversationId, ['总是失败', '下一条']);
    await settled(conversationId);

    expect(vendor.callsOf('总是失败')).toHaveLength(3);
    expect(vendor.sent(conversationId)).toEqual(['下一条']);
    expect(await rowOf(replies[0].messageId)).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'TypeError: fetch failed',
    });
  });

  it('sends a reply that Kafka delivers twice only once', async () => {
    const vendor = new FakeVendor(() => 30);
    const replica = await startReplica('a', vendor, newPrefix());
    const conversationId = await conversationWith('sunqi');
    const reply = replyIn(conversationId, '只发一次');

    await Promise.all([replica.deliverReply.execute(reply), replica.deliverReply.execute(reply)]);
    await settled(conversationId);
    await replica.deliverReply.execute(reply);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(vendor.callsOf('只发一次')).toHaveLength(1);
    const [{ rows }] = await dataSource.query(
      `SELECT count(*)::int AS rows FROM gateway.outbound_deliveries WHERE message_id = $1`,
      [reply.messageId],
    );
    expect(rows).toBe(1);
  });

  it('refuses a reply for a channel with no sender before storing it', async () => {
    const replica = await startReplica('a', new FakeVendor(), newPrefix());
    const conversationId = await conversationWith('zhouba');
    const reply = replyIn(conversationId, '短信', 'sms');

    await expect(replica.deliverReply.execute(reply)).rejects.toBeInstanceOf(ChannelNotConnected);
    expect(await dataSource.query(`SELECT id FROM gateway.messages WHERE id = $1`, [reply.messageId])).toEqual([]);
  });

  it('sends a dead letter again when an administrator asks, and refuses ids that are unknown or not dead', async () => {
    const vendor = new FakeVendor();
    vendor.failFirst('重发我', new DeliveryFailed('user not in app visible range', false, '60020'));
    const replica = await startReplica('a', vendor, newPrefix());
    const conversationId = await conversationWith('wujiu');
    const [reply] = await deliverInOrder(replica, conversationId, ['重发我']);
    await settled(conversationId);
    expect(await rowOf(reply.messageId)).toMatchObject({ status: 'dead' });

    await expect(replica.retryDeadLetter.execute(reply.messageId, 'admin')).resolves.toEqual({
      id: reply.messageId,
      status: 'pending',
    });
    await settled(conversationId);

    expect(vendor.sent(conversationId)).toEqual(['重发我']);
    expect(await rowOf(reply.messageId)).toMatchObject({ status: 'sent', attempts: 1 });
    const notDead = replica.retryDeadLetter.execute(reply.messageId, 'admin');
    await expect(notDead).rejects.toMatchObject({ kind: 'conflict' });
    await expect(notDead).rejects.toBeInstanceOf(DomainError);
    await expect(replica.retryDeadLetter.execute(randomUUID(), 'admin')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('keeps every conversation in order with two replicas sharing the queue and a flaky vendor', async () => {
    const vendor = new FakeVendor(() => 3 + Math.random() * 10);
    const prefix = newPrefix();
    const replicas = [await startReplica('a', vendor, prefix), await startReplica('b', vendor, prefix)];
    const conversations = await Promise.all(Array.from({ length: 6 }, (_, n) => conversationWith(`citizen-${n}`)));
    const textsOf = (c: number) => Array.from({ length: 6 }, (_, m) => `会话${c}-第${m + 1}条`);
    conversations.forEach((_, c) =>
      textsOf(c).forEach((text, m) => {
        if ((c + m) % 3 === 0) vendor.failFirst(text, ...Array.from({ length: 1 + (m % 2) }, () => retryable()));
      }),
    );

    // Conversations side by side, each in order, its replies landing on either replica (as Kafka consumers would).
    await Promise.all(
      conversations.map(async (conversationId, c) => {
        for (const [m, text] of textsOf(c).entries())
          await replicas[(c + m) % 2].deliverReply.execute(replyIn(conversationId, text));
      }),
    );
    await settled(...conversations);

    conversations.forEach((conversationId, c) => expect(vendor.sent(conversationId)).toEqual(textsOf(c)));
    expect(vendor.overlaps).toEqual([]);
    const okByReplica = new Set(vendor.calls.filter((call) => call.ok).map((call) => call.replica));
    expect([...okByReplica].sort()).toEqual(['a', 'b']);
  });

  it('keeps to the channel rate limit across replicas', async () => {
    const vendor = new FakeVendor();
    const prefix = newPrefix();
    const limits = parseRateLimits('wecom=5');
    if (!limits.ok) throw new Error(limits.problem);
    const replicas = [
      await startReplica('a', vendor, prefix, { rateLimits: limits.limits }),
      await startReplica('b', vendor, prefix, { rateLimits: limits.limits }),
    ];
    const conversations = await Promise.all(Array.from({ length: 10 }, (_, n) => conversationWith(`limited-${n}`)));

    await Promise.all(
      conversations.map((conversationId, n) =>
        replicas[n % 2].deliverReply.execute(replyIn(conversationId, `限速${n}`)),
      ),
    );
    await settled(...conversations);

    const starts = vendor.calls.map((call) => call.startedAt).sort((a, b) => a - b);
    expect(starts).toHaveLength(10);
    expect(starts.filter((at) => at < starts[0] + 900)).toHaveLength(5);
    expect(starts[9] - starts[0]).toBeGreaterThanOrEqual(900);
  });

  it('finds a reply whose job was lost and sends it', async () => {
    const vendor = new FakeVendor();
    const replica = await startReplica('a', vendor, newPrefix(), { stalledAfterMs: 0 });
    const conversationId = await conversationWith('lost-job');
    const reply = replyIn(conversationId, '任务丢失');
    // Stored and recorded, but the job never made it to Redis.
    await store.storeOutbound(reply);
    await deliveries.record(reply);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(vendor.calls).toEqual([]);

    expect(await replica.queues.sweep()).toBeGreaterThanOrEqual(1);
    await settled(conversationId);

    expect(vendor.sent(conversationId)).toEqual(['任务丢失']);
  });
});
