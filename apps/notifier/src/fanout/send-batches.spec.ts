import { QueuedRecipient, sendBatches } from './send-batches';

const recipient = (n: number, overrides: Partial<QueuedRecipient> = {}): QueuedRecipient => ({
  subscriberId: `s${n}`,
  channel: 'sms',
  lang: 'zh',
  elderMode: false,
  sendAfter: null,
  ...overrides,
});
const sizes = { sms: 200, wxa: 1, wecom: 1000 };

describe('sendBatches', () => {
  it('fills vendor-sized batches of recipients who get the same text', () => {
    const batches = sendBatches(
      'a',
      Array.from({ length: 450 }, (_, n) => recipient(n)),
      sizes,
    );
    expect(batches.map((batch) => batch.subscriberIds.length)).toEqual([200, 200, 50]);
    expect(new Set(batches.flatMap((batch) => batch.subscriberIds)).size).toBe(450);
  });

  it('keeps languages, elder mode, channels and send times apart', () => {
    const later = new Date('2026-06-12T07:00:00+08:00');
    const batches = sendBatches(
      'a',
      [
        recipient(1),
        recipient(2, { lang: 'en' }),
        recipient(3, { elderMode: true }),
        recipient(4, { channel: 'wxa' }),
        recipient(5, { channel: 'wxa' }),
        recipient(6, { sendAfter: later }),
        recipient(7),
      ],
      sizes,
    );
    expect(batches.map((batch) => batch.subscriberIds)).toEqual([['s1', 's7'], ['s2'], ['s3'], ['s4'], ['s5'], ['s6']]);
    expect(batches[5].sendAfter).toBe(later.toISOString());
  });
});
