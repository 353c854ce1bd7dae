import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { personalDataFields } from '@libs/common/config/config-fields';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { ErrorAnswer } from './chat';
import { request } from './http';
import { RunningSystem } from './running-system';

// What the notifier's e2e suites need of a running system: staff tokens, its personal-data keys, subscribers stored
// as registration stores them, and alerts posted as an officer posts them.

/** A staff token as the gateway signs one at sign-in (the gateway's own e2e covers the sign-in). */
export function staffToken(system: RunningSystem, username: string, role: string): Promise<string> {
  const jwt = new JwtService({ secret: String(system.env.JWT_SECRET) });
  return jwt.signAsync({ sub: username, username, roles: [role] }, { algorithm: 'HS256', expiresIn: 3600 });
}

/**
 * SMS subscribers straight into notifier.subscribers, as registration stores them: the number (11 digits) encrypted
 * and blind-indexed with the system's keys. Returns each number's subscriber id.
 */
export async function insertSmsSubscribers(
  system: RunningSystem,
  db: Client,
  phones: string[],
  regionCode: string,
  lang: 'zh' | 'en' | 'ug' = 'zh',
): Promise<Map<string, string>> {
  const cipher = new FieldCipher(
    personalDataFields.PII_KEYS.parse(system.env.PII_KEYS),
    String(system.env.PII_ACTIVE_KEY_ID),
  );
  const blindIndex = new BlindIndex(personalDataFields.BLIND_INDEX_KEY.parse(system.env.BLIND_INDEX_KEY));
  const { rows } = await db.query<{ id: string; address_index: string }>(
    `INSERT INTO notifier.subscribers (id, channel, address_cipher, address_index, region_codes, lang, preference,
       created_at, updated_at)
     SELECT gen_random_uuid(), 'sms', c, i, ARRAY[$3::text], $4, 1, now(), now()
       FROM unnest($1::text[], $2::text[]) AS s(c, i)
     RETURNING id, address_index`,
    [
      phones.map((phone) => cipher.encrypt(phone)),
      phones.map((phone) => blindIndex.of('phone', phone)),
      regionCode,
      lang,
    ],
  );
  const phoneByIndex = new Map(phones.map((phone) => [blindIndex.of('phone', phone), phone]));
  return new Map(rows.map((row) => [phoneByIndex.get(row.address_index) ?? '', row.id]));
}

/** POSTs a CAP 1.2 alert (XML) as an emergency officer; it must be accepted. Returns its id. */
export async function publishAlert(system: RunningSystem, token: string, xml: string): Promise<string> {
  const answer = await request<{ id: string } & ErrorAnswer>('POST', system.url('notifier', '/api/v1/alerts'), {
    body: xml,
    token,
    headers: { 'content-type': 'application/cap+xml' },
  });
  expect([200, 201]).toContain(answer.status);
  return answer.body.id;
}
