import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Lang } from '@libs/common/contracts/common-fields';
import { DomainError } from '@libs/common/errors/domain-error';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { phoneBlindIndex } from '@libs/common/pii/phone-blind-index';
import { LatLon } from '../targeting/geometry';
import { QuietHours } from './quiet-hours';
import { maskSubscriberAddress } from './subscriber-address';
import { DEFAULT_PREFERENCE, SubscriberChannel } from './subscriber-channel';
import { SubscriberAddress, SubscriberRegistration, SubscriberSettings } from './subscriber-registration';

/** A subscription as staff see it: the address masked, the rest as registered. */
export interface SubscriberView {
  id: string;
  channel: SubscriberChannel;
  address: string;
  regionCodes: string[];
  location: LatLon | null;
  lang: Lang;
  elderMode: boolean;
  quietHours: QuietHours | null;
  preference: number;
  /** Linked by a phone number to the person's other subscriptions (one alert per person). */
  isLinked: boolean;
  createdAt: string;
  updatedAt: string;
}

interface SubscriberRow {
  id: string;
  channel: SubscriberChannel;
  address_cipher: string;
  region_codes: string[];
  lat: number | null;
  lon: number | null;
  lang: Lang;
  elder_mode: boolean;
  quiet_start: string | null;
  quiet_end: string | null;
  person_key: string | null;
  preference: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, channel, address_cipher, region_codes, lat, lon, lang, elder_mode, quiet_start, quiet_end,
  person_key, preference, created_at, updated_at`;

/**
 * The subscriptions. An address is personal data: stored encrypted, found by its blind index, shown masked. A phone
 * number's blind index is also the person key that tells the notifier two subscriptions are one person.
 */
@Injectable()
export class Subscribers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
  ) {}

  /** Creates the subscription, or replaces the one with the same channel and address: repeating it changes nothing. */
  async register(registration: SubscriberRegistration): Promise<{ subscriber: SubscriberView; isNew: boolean }> {
    const personKey = registration.phone === null ? null : phoneBlindIndex(this.blindIndex, registration.phone);
    const [row]: Array<SubscriberRow & { is_new: boolean }> = await this.dataSource.query(
      `INSERT INTO notifier.subscribers (id, channel, address_cipher, address_index, region_codes, lat, lon, lang,
         elder_mode, quiet_start, quiet_end, person_key, preference, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now(), now())
       ON CONFLICT (channel, address_index) DO UPDATE SET
         address_cipher = EXCLUDED.address_cipher, region_codes = EXCLUDED.region_codes, lat = EXCLUDED.lat,
         lon = EXCLUDED.lon, lang = EXCLUDED.lang, elder_mode = EXCLUDED.elder_mode,
         quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, person_key = EXCLUDED.person_key,
         preference = EXCLUDED.preference, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS is_new`,
      [
        randomUUID(),
        registration.channel,
        this.cipher.encrypt(registration.address),
        this.addressIndex(registration),
        registration.regionCodes,
        registration.location?.lat ?? null,
        registration.location?.lon ?? null,
        registration.lang,
        registration.elderMode,
        registration.quietHours?.start ?? null,
        registration.quietHours?.end ?? null,
        personKey,
        registration.preference,
      ],
    );
    return { subscriber: this.view(row), isNew: row.is_new };
  }

  async get(id: string): Promise<SubscriberView> {
    const [row]: SubscriberRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifier.subscribers WHERE id = $1`,
      [id],
    );
    if (!row) throw new SubscriberNotFound(id);
    return this.view(row);
  }

  /** The subscription of this channel and address, as a citizen would name it; throws not_found when there is none. */
  async getByAddress(target: SubscriberAddress): Promise<SubscriberView> {
    const [row]: SubscriberRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifier.subscribers WHERE channel = $1 AND address_index = $2`,
      [target.channel, this.addressIndex(target)],
    );
    if (!row) throw new DomainError('not_found', '没有找到该地址的预警订阅，可能尚未订阅或已退订');
    return this.view(row);
  }

  /**
   * Replaces a subscription's settings; its channel and address stay. An SMS subscription keeps its phone as the
   * person key; another channel's is the phone given now, or none.
   */
  async update(id: string, settings: SubscriberSettings): Promise<SubscriberView> {
    const personKey = settings.phone === null ? null : phoneBlindIndex(this.blindIndex, settings.phone);
    const [rows]: [SubscriberRow[], number] = await this.dataSource.query(
      `UPDATE notifier.subscribers SET region_codes = $2, lat = $3, lon = $4, lang = $5, elder_mode = $6,
         quiet_start = $7, quiet_end = $8,
         person_key = CASE WHEN channel = 'sms' THEN person_key ELSE $9 END,
         preference = coalesce($10, ($11::jsonb ->> channel)::smallint),
         updated_at = now()
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        id,
        settings.regionCodes,
        settings.location?.lat ?? null,
        settings.location?.lon ?? null,
        settings.lang,
        settings.elderMode,
        settings.quietHours?.start ?? null,
        settings.quietHours?.end ?? null,
        personKey,
        settings.preference,
        JSON.stringify(DEFAULT_PREFERENCE),
      ],
    );
    if (rows.length === 0) throw new SubscriberNotFound(id);
    return this.view(rows[0]);
  }

  /** Subscriptions registered in a region or below it (440100: the city's and its districts'), newest first. */
  async list(filter: { regionCode?: string; limit: number; offset: number }): Promise<SubscriberView[]> {
    const rows: SubscriberRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifier.subscribers
        WHERE $1::text IS NULL OR region_scope && ARRAY[$1::text]
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [filter.regionCode ?? null, filter.limit, filter.offset],
    );
    return rows.map((row) => this.view(row));
  }

  async remove(id: string): Promise<void> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM notifier.subscribers WHERE id = $1`,
      [id],
    );
    if (deleted === 0) throw new SubscriberNotFound(id);
  }

  /** 退订 by the address itself, as a citizen would ask. True when there was a subscription to remove. */
  async removeByAddress(target: SubscriberAddress): Promise<boolean> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM notifier.subscribers WHERE channel = $1 AND address_index = $2`,
      [target.channel, this.addressIndex(target)],
    );
    return deleted > 0;
  }

  /** A phone number is indexed as a phone (so an SMS subscription is found however it was typed); ids exactly. */
  private addressIndex(target: SubscriberAddress): string {
    return target.channel === 'sms'
      ? phoneBlindIndex(this.blindIndex, target.address)
      : this.blindIndex.ofExact(`subscriber:${target.channel}`, target.address);
  }

  private view(row: SubscriberRow): SubscriberView {
    return {
      id: row.id,
      channel: row.channel,
      address: maskSubscriberAddress(row.channel, this.cipher.decrypt(row.address_cipher)),
      regionCodes: row.region_codes,
      location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
      lang: row.lang,
      elderMode: row.elder_mode,
      quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
      preference: row.preference,
      isLinked: row.person_key !== null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

export class SubscriberNotFound extends DomainError {
  constructor(id: string) {
    super('not_found', `订阅 ${id} 不存在，可能已退订`);
  }
}
