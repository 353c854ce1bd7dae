import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { AlertStore } from '../../apps/notifier/src/alerts/alert-store';
import { notifierDatabase } from '../../apps/notifier/src/database';
import { AlertDeliveries } from '../../apps/notifier/src/fanout/alert-deliveries';
import { QueuedRecipient } from '../../apps/notifier/src/fanout/send-batches';
import { SubscriberRegistration } from '../../apps/notifier/src/subscribers/subscriber-registration';
import { Subscribers } from '../../apps/notifier/src/subscribers/subscribers';
import { testInfrastructure } from '../support/test-infrastructure';

let dataSource: DataSource;
let deliveries: AlertDeliveries;
let store: AlertStore;
const recipients: QueuedRecipient[] = [];

beforeAll(async () => {
  const db = notifierDatabase(await testInfrastructure().freshDatabase('deliveries'));
  await runMigrations(db, createLogger('deliveries-test', 'silent'));
  dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  const subscribers = new Subscribers(
    dataSource,
    new FieldCipher(new Map([['t1', randomBytes(32)]]), 't1'),
    new BlindIndex(randomBytes(32)),
  );
  for (const address of ['13800000101', '13800000102', '13800000103']) {
    const { subscriber } = await subscribers.register(
      SubscriberRegistration.parse({ channel: 'sms', address, regionCodes: ['440106'] }),
    );
    recipients.push({ subscriberId: subscriber.id, channel: 'sms', lang: 'zh', elderMode: false, sendAfter: null });
  }
  deliveries = new AlertDeliveries(dataSource);
  store = new AlertStore(dataSource);
});
afterAll(() => dataSource?.destroy());

/** A stored alert as ingest leaves it, in the given state. */
async function alertIn(state: 'active' | 'updated' | 'cancelled'): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await dataSource.query(
    `INSERT INTO notifier.alerts (id, identifier, sender, sent, status, msg_type, scope, original_json, content_hash,
                                  priority, state, submitted_by, received_at, updated_at)
     VALUES ($1, $2, 'test@example.gov.cn', $3, 'Actual', 'Alert', 'Public', '{}', 'hash', 5, $4, 'officer', $3, $3)`,
    [id, `TEST-${id}`, now, state],
  );
  return id;
}

const states = async (alertId: string) =>
  (
    await dataSource.query(
      `SELECT state, last_error FROM notifier.deliveries WHERE alert_id = $1 ORDER BY subscriber_id`,
      [alertId],
    )
  ).map(
    (row: { state: string; last_error: string | null }) => `${row.state}${row.last_error ? `:${row.last_error}` : ''}`,
  );

/** The states of the given recipients' rows, in the order given. */
const statesOf = async (alertId: string, subscriberIds: string[]) => {
  const rows: Array<{ subscriber_id: string; state: string; last_error: string | null }> = await dataSource.query(
    `SELECT subscriber_id, state, last_error FROM notifier.deliveries WHERE alert_id = $1`,
    [alertId],
  );
  const bySubscriber = new Map(rows.map((row) => [row.subscriber_id, row]));
  return subscriberIds.map((id) => {
    const row = bySubscriber.get(id);
    return row ? `${row.state}${row.last_error ? `:${row.last_error}` : ''}` : 'none';
  });
};

describe('alert deliveries against PostgreSQL', () => {
  it('queues each recipient once, and a claim sends each once', async () => {
    const alertId = await alertIn('active');
    expect(await deliveries.insertQueued(alertId, recipients)).toBe(3);
    expect(await deliveries.insertQueued(alertId, recipients)).toBe(0);
    const ids = recipients.map((recipient) => recipient.subscriberId);
    expect(await deliveries.claim(alertId, ids)).toHaveLength(3);
    expect(await deliveries.claim(alertId, ids)).toHaveLength(0);
    expect(await states(alertId)).toEqual(['sending', 'sending', 'sending']);
    await deliveries.markSent(alertId, [
      { subscriberId: ids[0], vendorMessageId: 'tencent:a1' },
      { subscriberId: ids[1], vendorMessageId: null },
    ]);
    expect(await statesOf(alertId, ids)).toEqual(['sent', 'sent', 'sending']);
  });

  it('puts a claim back to queued for another attempt, or cancels it when its alert was withdrawn or superseded', async () => {
    const ids = recipients.map((recipient) => recipient.subscriberId);
    for (const [later, expected] of [
      ['active', 'queued:timeout'],
      ['cancelled', 'cancelled:timeout'],
      ['updated', 'cancelled:timeout'],
    ]) {
      const alertId = await alertIn('active');
      await deliveries.insertQueued(alertId, recipients);
      await deliveries.claim(alertId, [ids[0]]);
      await dataSource.query(`UPDATE notifier.alerts SET state = $2 WHERE id = $1`, [alertId, later]);
      await deliveries.release(alertId, [ids[0]], 'timeout');
      expect(await statesOf(alertId, [ids[0]])).toEqual([expected]);
    }
  });

  it('queues again what a dead worker claimed and never settled, and only that', async () => {
    const active = await alertIn('active');
    const withdrawn = await alertIn('active');
    const ids = recipients.map((recipient) => recipient.subscriberId);
    for (const alertId of [active, withdrawn]) {
      await deliveries.insertQueued(alertId, recipients);
      await deliveries.claim(alertId, ids);
    }
    // Claimed ten minutes ago; the worker of the third recipient's claim is still waiting for the vendor.
    await dataSource.query(
      `UPDATE notifier.deliveries SET sent_at = now() - interval '10 minutes'
        WHERE alert_id = ANY($1) AND subscriber_id <> $2`,
      [[active, withdrawn], ids[2]],
    );
    await deliveries.markSent(active, [{ subscriberId: ids[0], vendorMessageId: 'tencent:b1' }]);
    await dataSource.query(`UPDATE notifier.alerts SET state = 'cancelled' WHERE id = $1`, [withdrawn]);

    expect(await deliveries.requeueUnconfirmed(5 * 60_000)).toBe(3);

    expect(await statesOf(active, ids)).toEqual(['sent', 'queued:unconfirmed', 'sending']);
    expect(await statesOf(withdrawn, ids)).toEqual(['cancelled:unconfirmed', 'cancelled:unconfirmed', 'sending']);
    expect((await deliveries.claim(active, ids)).map((claimed) => claimed.subscriberId)).toEqual([ids[1]]);
  });

  it('records recipients found after a Cancel as cancelled, never queued', async () => {
    const alertId = await alertIn('cancelled');
    await deliveries.insertQueued(alertId, recipients);
    expect(await states(alertId)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('sends nothing more of an alert withdrawn or superseded while its jobs waited', async () => {
    for (const later of ['cancelled', 'updated']) {
      const alertId = await alertIn('active');
      await deliveries.insertQueued(alertId, recipients);
      await dataSource.query(`UPDATE notifier.alerts SET state = $2 WHERE id = $1`, [alertId, later]);
      const claimed = await deliveries.claim(
        alertId,
        recipients.map((recipient) => recipient.subscriberId),
      );
      expect(claimed).toEqual([]);
    }
  });

  it('applies a receipt that came before the vendor answer was stored, and forgets one for an id never sent', async () => {
    const alertId = await alertIn('active');
    await deliveries.insertQueued(alertId, recipients);
    const [first] = recipients.map((recipient) => recipient.subscriberId);
    await deliveries.claim(alertId, [first]);
    const receipt = {
      vendorMessageId: 'tencent:early-1',
      recipientPhoneIndex: null,
      isDelivered: true,
      failureCode: null,
      reportedAt: new Date(),
    };
    const kept = async () =>
      (await dataSource.query(`SELECT count(*)::int AS count FROM notifier.early_receipts`))[0].count;

    expect(await deliveries.recordReceipt(receipt)).toBe(0);
    expect(await deliveries.recordReceipt({ ...receipt, vendorMessageId: 'tencent:another-system' })).toBe(0);
    expect(await kept()).toBe(2);
    expect(await deliveries.applyEarlyReceipts()).toBe(0);

    await deliveries.markSent(alertId, [{ subscriberId: first, vendorMessageId: 'tencent:early-1' }]);
    expect(await deliveries.applyEarlyReceipts()).toBe(1);
    expect(await statesOf(alertId, [first])).toEqual(['delivered']);
    // A receipt seen again once its delivery is settled changes nothing and is not kept.
    expect(await deliveries.recordReceipt(receipt)).toBe(0);
    expect(await kept()).toBe(1);

    await dataSource.query(`UPDATE notifier.early_receipts SET received_at = now() - interval '2 hours'`);
    expect(await deliveries.applyEarlyReceipts()).toBe(0);
    expect(await kept()).toBe(0);
  });

  it('stops what the replaced alert still had queued when the Update is stored, and leaves what was sent', async () => {
    const oldId = await alertIn('active');
    await deliveries.insertQueued(oldId, recipients);
    await deliveries.claim(oldId, [recipients[0].subscriberId]);
    await deliveries.markSent(oldId, [{ subscriberId: recipients[0].subscriberId, vendorMessageId: 'tencent:1' }]);
    const updateId = await alertIn('active');
    await dataSource.transaction((tx) => store.markUpdated(tx, [oldId], updateId, new Date()));
    expect((await states(oldId)).sort()).toEqual(['cancelled:superseded', 'cancelled:superseded', 'sent'].sort());
  });
});
