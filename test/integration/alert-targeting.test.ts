import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { notifierDatabase } from '../../apps/notifier/src/database';
import { SubscriberRegistration } from '../../apps/notifier/src/subscribers/subscriber-registration';
import { Subscribers } from '../../apps/notifier/src/subscribers/subscribers';
import { AlertArea } from '../../apps/notifier/src/targeting/alert-area';
import { AlertTargeting, Recipient } from '../../apps/notifier/src/targeting/alert-targeting';
import { testInfrastructure } from '../support/test-infrastructure';

let dataSource: DataSource;
let targeting: AlertTargeting;
const idOf = new Map<string, string>();
const nameOf = new Map<string, string>();

const at = (lat: number, lon: number) => ({ lat, lon });
const area = (parts: Partial<AlertArea>): AlertArea => ({ regionCodes: [], polygons: [], circles: [], ...parts });
/** A 0.1° square over Tianhe, closed as CAP writes it. */
const TIANHE_SQUARE = [at(23.1, 113.3), at(23.1, 113.4), at(23.2, 113.4), at(23.2, 113.3), at(23.1, 113.3)];
/** Its south-west half: the diagonal runs from (23.1, 113.4) to (23.2, 113.3). */
const TIANHE_TRIANGLE = [at(23.1, 113.3), at(23.1, 113.4), at(23.2, 113.3), at(23.1, 113.3)];
/** 10 km around a point in Panyu; 0.0898° of latitude is 9.985 km, 0.0901° is 10.019 km. */
const PANYU_CIRCLE = { centre: at(22.95, 113.38), radiusKm: 10 };
const openid = (name: string) => `o${name.padEnd(27, 'x')}`;

/** Hand-placed subscribers; the comment says who should be reached by what. */
const SUBSCRIBERS: Record<string, Record<string, unknown>> = {
  tianhe: { channel: 'sms', address: '13800000001', regionCodes: ['440106'] },
  yuexiu: { channel: 'sms', address: '13800000002', regionCodes: ['440104'] },
  wholeCity: { channel: 'sms', address: '13800000003', regionCodes: ['440100'] },
  wholeProvince: { channel: 'sms', address: '13800000004', regionCodes: ['440000'] },
  nanshanShenzhen: { channel: 'sms', address: '13800000005', regionCodes: ['440305'] },
  insideSquare: { channel: 'wxa', address: openid('inside'), location: at(23.13, 113.33) },
  onSquareEdge: { channel: 'wxa', address: openid('edge'), location: at(23.1, 113.35) },
  northOfSquare: { channel: 'wxa', address: openid('north'), location: at(23.25, 113.35) },
  // Inside the square (and the triangle's bounding box), beyond the triangle's diagonal.
  squareCorner: { channel: 'wxa', address: openid('corner'), location: at(23.19, 113.39) },
  nearCentre: { channel: 'wxa', address: openid('near'), location: at(22.95 + 0.0898, 113.38) },
  pastRadius: { channel: 'wxa', address: openid('past'), location: at(22.95 + 0.0901, 113.38) },
  // One person on two channels, preferring the mini-program.
  wangBySms: { channel: 'sms', address: '13800000011', regionCodes: ['440106'], preference: 2 },
  wangByWxa: {
    channel: 'wxa',
    address: openid('wang'),
    regionCodes: ['440106'],
    phone: '138 0000 0011',
    preference: 1,
  },
  // One person on two channels; the preferred one (WeCom, located in Shenzhen) is not in the Tianhe alert's area.
  liBySms: { channel: 'sms', address: '13800000012', regionCodes: ['440106'], preference: 2 },
  liByWecom: { channel: 'wecom', address: 'LiSi', location: at(22.53, 113.93), phone: '13800000012', preference: 1 },
  quietTianhe: {
    channel: 'sms',
    address: '13800000013',
    regionCodes: ['440106'],
    quietHours: { start: '22:00', end: '07:00' },
    lang: 'ug',
    elderMode: true,
  },
};

beforeAll(async () => {
  const db = notifierDatabase(await testInfrastructure().freshDatabase('targeting'));
  await runMigrations(db, createLogger('targeting-test', 'silent'));
  dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  const subscribers = new Subscribers(
    dataSource,
    new FieldCipher(new Map([['t1', randomBytes(32)]]), 't1'),
    new BlindIndex(randomBytes(32)),
  );
  for (const [name, input] of Object.entries(SUBSCRIBERS)) {
    const { subscriber } = await subscribers.register(SubscriberRegistration.parse(input));
    idOf.set(name, subscriber.id);
    nameOf.set(subscriber.id, name);
  }
  targeting = new AlertTargeting(dataSource);
});
afterAll(() => dataSource?.destroy());

const moderateAt = (beijing: string) => ({
  alert: { severity: 'Moderate', urgency: 'Expected' } as const,
  now: new Date(`${beijing}+08:00`),
});
const noon = moderateAt('2026-07-01T12:00');

async function reached(areas: AlertArea[], options = noon): Promise<string[]> {
  const recipients = await targeting.recipientsFor(areas, options);
  return recipients.map((recipient) => nameOf.get(recipient.subscriberId) ?? recipient.subscriberId).sort();
}

describe('targeting against PostgreSQL', () => {
  it('reaches a district alert’s district and whoever registered its city or province', async () => {
    expect(await reached([area({ regionCodes: ['440106'] })])).toEqual(
      ['quietTianhe', 'tianhe', 'wholeCity', 'wholeProvince', 'wangByWxa', 'liBySms'].sort(),
    );
  });

  it('reaches every district of a city with a city alert, and nobody in another city', async () => {
    expect(await reached([area({ regionCodes: ['440100'] })])).toEqual(
      ['quietTianhe', 'tianhe', 'yuexiu', 'wholeCity', 'wholeProvince', 'wangByWxa', 'liBySms'].sort(),
    );
  });

  it('reaches located subscribers inside a polygon or on its edge, not region-only ones', async () => {
    expect(await reached([area({ polygons: [TIANHE_SQUARE] })])).toEqual(
      ['insideSquare', 'onSquareEdge', 'squareCorner'].sort(),
    );
    expect(await reached([area({ polygons: [TIANHE_TRIANGLE] })])).toEqual(['insideSquare', 'onSquareEdge'].sort());
  });

  it('reaches located subscribers within a circle’s radius', async () => {
    expect(await reached([area({ circles: [PANYU_CIRCLE] })])).toEqual(['nearCentre']);
  });

  it('reaches the union of several areas, one delivery per person', async () => {
    const areas = [area({ regionCodes: ['440104'] }), area({ polygons: [TIANHE_TRIANGLE], circles: [PANYU_CIRCLE] })];
    expect(await reached(areas)).toEqual(
      ['yuexiu', 'wholeCity', 'wholeProvince', 'insideSquare', 'onSquareEdge', 'nearCentre'].sort(),
    );
  });

  it('sends to one person once, on the channel they ranked first among those the alert reaches', async () => {
    const recipients = await targeting.recipientsFor([area({ regionCodes: ['440106'] })], noon);
    const wang = recipients.filter((one) => ['wangBySms', 'wangByWxa'].includes(nameOf.get(one.subscriberId) ?? ''));
    expect(wang).toEqual([expect.objectContaining({ subscriberId: idOf.get('wangByWxa'), channel: 'wxa' })]);
    // Li prefers WeCom, but the WeCom subscription is in Shenzhen: the Tianhe alert goes by SMS.
    const li = recipients.filter((one) => ['liBySms', 'liByWecom'].includes(nameOf.get(one.subscriberId) ?? ''));
    expect(li).toEqual([expect.objectContaining({ subscriberId: idOf.get('liBySms'), channel: 'sms' })]);
    // Li's WeCom subscription wins where both are reached.
    const both = await reached([
      area({ regionCodes: ['440106'], circles: [{ centre: at(22.53, 113.93), radiusKm: 1 }] }),
    ]);
    expect(both).toContain('liByWecom');
    expect(both).not.toContain('liBySms');
  });

  it('gives language and elder mode, and holds a moderate alert until the end of quiet hours', async () => {
    const quiet = (recipients: Recipient[]) => recipients.find((one) => one.subscriberId === idOf.get('quietTianhe'));
    const tianhe = [area({ regionCodes: ['440106'] })];
    const atNight = await targeting.recipientsFor(tianhe, moderateAt('2026-07-01T23:00'));
    expect(quiet(atNight)).toEqual({
      subscriberId: idOf.get('quietTianhe'),
      channel: 'sms',
      lang: 'ug',
      elderMode: true,
      sendAfter: new Date('2026-07-02T07:00+08:00'),
    });
    expect(atNight.find((one) => one.subscriberId === idOf.get('tianhe'))?.sendAfter).toBeNull();
    const extreme = await targeting.recipientsFor(tianhe, {
      alert: { severity: 'Extreme', urgency: 'Expected' },
      now: new Date('2026-07-01T23:00+08:00'),
    });
    expect(quiet(extreme)?.sendAfter).toBeNull();
  });

  it('gives the same people page by page, whatever the page size, each person in one page only', async () => {
    const areas = [
      area({ regionCodes: ['440100'] }),
      area({ polygons: [TIANHE_SQUARE], circles: [{ centre: at(22.53, 113.93), radiusKm: 1 }] }),
    ];
    const whole = (await targeting.recipientsFor(areas, noon)).map((one) => one.subscriberId).sort();
    // Wang and Li are on two channels each: small pages split their subscriptions across FETCHes.
    expect(whole).toContain(idOf.get('wangByWxa'));
    expect(whole).toContain(idOf.get('liByWecom'));
    for (const pageSize of [1, 2, 3, 5]) {
      const pages: string[][] = [];
      for await (const page of targeting.recipientPages(areas, noon, pageSize)) {
        pages.push(page.map((one) => one.subscriberId));
      }
      expect([pageSize, pages.flat().sort()]).toEqual([pageSize, whole]);
    }
  });

  it('closes the cursor when the caller stops early, leaving the connection usable', async () => {
    for await (const page of targeting.recipientPages([area({ regionCodes: ['440000'] })], noon, 2)) {
      expect(page.length).toBeGreaterThan(0);
      break;
    }
    expect(await reached([area({ regionCodes: ['440104'] })])).toEqual(['wholeCity', 'wholeProvince', 'yuexiu']);
  });

  it('reaches nobody for an area with nothing in it', async () => {
    expect(await reached([])).toEqual([]);
    expect(await reached([area({ regionCodes: ['650102'] })])).toEqual([]);
  });
});
