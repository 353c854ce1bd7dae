import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Lang } from '@libs/common/contracts/common-fields';
import { AlertUrgency, QuietHours, quietUntil } from '../subscribers/quiet-hours';
import { SubscriberChannel } from '../subscribers/subscriber-channel';
import { AlertArea, isInAnyShape, narrowingOf } from './alert-area';
import { holdLastPerson, onePerPerson, personOf, Reachable } from './one-per-person';

/** One person to send an alert to, on their preferred channel. No address: the sender decrypts it when sending. */
export interface Recipient {
  subscriberId: string;
  channel: SubscriberChannel;
  lang: Lang;
  elderMode: boolean;
  /** The end of the subscriber's quiet hours when the alert may wait for it; null: send now. */
  sendAfter: Date | null;
}

export interface TargetingOptions {
  alert: AlertUrgency;
  now: Date;
}

interface CandidateRow {
  id: string;
  channel: SubscriberChannel;
  lang: Lang;
  elder_mode: boolean;
  person_key: string | null;
  preference: number;
  by_region: boolean;
  lat: number | null;
  lon: number | null;
  quiet_start: string | null;
  quiet_end: string | null;
}

type Candidate = Reachable & { lang: Lang; elderMode: boolean; quietHours: QuietHours | null };

/** Rows per FETCH: large enough that round trips do not count, small enough that a page is a few MB. */
export const DEFAULT_PAGE_SIZE = 10_000;

/**
 * An alert's areas → the people to send it to. One query narrows by index (region codes exactly, shapes by their
 * bounding boxes) and sorts by person; it is read through a cursor a page at a time, so a province-wide alert to a
 * million subscribers holds one page in memory, not a million rows. The pure rules decide who is inside a shape,
 * keep one subscription per person, and hold back for quiet hours what may wait.
 */
@Injectable()
export class AlertTargeting {
  constructor(private readonly dataSource: DataSource) {}

  /** Everyone at once. Fine for a district; for a whole city or province prefer recipientPages. */
  async recipientsFor(areas: readonly AlertArea[], options: TargetingOptions): Promise<Recipient[]> {
    const all: Recipient[] = [];
    for await (const page of this.recipientPages(areas, options)) {
      for (const recipient of page) all.push(recipient);
    }
    return all;
  }

  /**
   * The recipients in pages of at most about pageSize, each person in exactly one page, from one consistent snapshot
   * of the subscribers (the cursor's transaction). Stopping early (break) closes the cursor.
   */
  async *recipientPages(
    areas: readonly AlertArea[],
    options: TargetingOptions,
    pageSize = DEFAULT_PAGE_SIZE,
  ): AsyncGenerator<Recipient[]> {
    const query = candidateQuery(areas);
    if (!query) return;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Sorting a province's million rows in memory instead of spilling to disk; for this transaction only.
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      await runner.query(`DECLARE targeting NO SCROLL CURSOR FOR ${query.sql}`, query.params);
      const rowsPerFetch = Math.max(1, Math.floor(pageSize));
      const fetchPage = (): Promise<CandidateRow[]> => {
        const fetching: Promise<CandidateRow[]> = runner.query(`FETCH ${rowsPerFetch} FROM targeting`);
        // Awaited in the loop; when the caller stops early it is not, and its failure must not crash the process.
        fetching.catch(() => undefined);
        return fetching;
      };
      let held: Candidate[] = [];
      let next = fetchPage();
      for (;;) {
        const rows = await next;
        const isLastPage = rows.length < rowsPerFetch;
        // The next page is read while this one is decided and handed on: Postgres and Node work side by side.
        if (!isLastPage) next = fetchPage();
        const reached = [...held, ...rows.filter((row) => isReached(row, areas)).map(toCandidate)];
        const page = isLastPage
          ? { complete: reached, held: [] }
          : holdLastPerson(reached, personOfRow(rows[rows.length - 1]));
        held = page.held;
        const recipients = onePerPerson(page.complete).map((one) => toRecipient(one, options));
        if (recipients.length > 0) yield recipients;
        if (isLastPage) break;
      }
      await runner.commitTransaction();
    } finally {
      // Stopped early or failed: a prefetch may still be running on this connection; the rollback queues behind it.
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}

/**
 * The narrowing query: region codes as GIN lookups that answer the region rule exactly (region-reach.ts), shapes as
 * GiST box lookups refined afterwards. `by_region` says which rows the codes reached, so only the others need the
 * exact shape test. Sorted by person, so one person's subscriptions arrive together.
 */
function candidateQuery(areas: readonly AlertArea[]): { sql: string; params: unknown[] } | null {
  const { inScope, around, boxes } = narrowingOf(areas);
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const byRegion: string[] = [];
  if (inScope.length > 0) byRegion.push(`region_scope && ${param(inScope)}::text[]`);
  if (around.length > 0) byRegion.push(`region_codes && ${param(around)}::text[]`);
  // One condition per box, not `<@ ANY(array)`: GiST cannot search an array of keys, an OR of them it can.
  const byBox = boxes.map(
    (box) =>
      `point(lon, lat) <@ box(point(${param(box.west)}::float8, ${param(box.south)}::float8), ` +
      `point(${param(box.east)}::float8, ${param(box.north)}::float8))`,
  );
  if (byRegion.length === 0 && byBox.length === 0) return null;
  const regionReached = byRegion.length > 0 ? `(${byRegion.join(' OR ')})` : 'false';
  return {
    sql: `SELECT id, channel, lang, elder_mode, person_key, preference, lat, lon, quiet_start, quiet_end,
                 ${regionReached} AS by_region
            FROM notifier.subscribers
           WHERE ${[...byRegion, ...byBox].join(' OR ')}
           ORDER BY coalesce(person_key, 'subscriber:' || id::text), id`,
    params,
  };
}

function isReached(row: CandidateRow, areas: readonly AlertArea[]): boolean {
  if (row.by_region) return true;
  return row.lat !== null && row.lon !== null && isInAnyShape({ lat: row.lat, lon: row.lon }, areas);
}

function toCandidate(row: CandidateRow): Candidate {
  return {
    subscriberId: row.id,
    channel: row.channel,
    personKey: row.person_key,
    preference: row.preference,
    lang: row.lang,
    elderMode: row.elder_mode,
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
  };
}

function toRecipient(one: Candidate, options: TargetingOptions): Recipient {
  return {
    subscriberId: one.subscriberId,
    channel: one.channel,
    lang: one.lang,
    elderMode: one.elderMode,
    sendAfter: quietUntil(one, options.alert, options.now),
  };
}

function personOfRow(row: CandidateRow): string {
  return personOf({ personKey: row.person_key, subscriberId: row.id });
}
