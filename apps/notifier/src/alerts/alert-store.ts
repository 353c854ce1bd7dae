import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CapAlert, CapInfo } from '../cap/cap-alert';
import { CapMsgType, CapScope, CapStatus } from '../cap/cap-enumerations';
import { CapReference } from '../cap/cap-references';
import { WarningColour } from '../cap/warning-colour';
import { AlertState, LinkedAlert } from './reference-effects';

export const DeliveryState = ['queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryState = (typeof DeliveryState)[number];
export type DeliveryCounts = Record<DeliveryState | 'targeted', number>;

export interface NewAlert {
  id: string;
  alert: CapAlert;
  original: { xml: string } | { json: unknown };
  contentHash: string;
  priority: number;
  submittedBy: string;
  receivedAt: Date;
}

export interface StoredAlert {
  id: string;
  identifier: string;
  sender: string;
  sent: Date;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
  references: CapReference[];
  warningColour: WarningColour | null;
  priority: number;
  state: AlertState;
  replacedBy: string | null;
  cancelledBy: string | null;
  submittedBy: string;
  receivedAt: Date;
  updatedAt: Date;
}

export interface StoredInfo {
  language: string;
  lang: string | null;
  category: string[];
  event: string;
  responseType: string[];
  urgency: CapInfo['urgency'];
  severity: CapInfo['severity'];
  certainty: CapInfo['certainty'];
  senderName: string | null;
  headline: string | null;
  description: string | null;
  instruction: string | null;
  web: string | null;
  contact: string | null;
  effective: Date | null;
  onset: Date | null;
  expires: Date | null;
  warningColour: WarningColour | null;
  eventCodes: CapInfo['eventCode'];
  parameters: CapInfo['parameter'];
  areas: CapInfo['area'];
}

const alertColumns = (table: string) =>
  ['id', 'identifier', 'sender', 'sent', 'status', 'msg_type', 'scope', 'cap_references', 'warning_colour', 'priority']
    .concat(['state', 'replaced_by', 'cancelled_by', 'submitted_by', 'received_at', 'updated_at'])
    .map((column) => `${table}.${column}`)
    .join(', ');

interface AlertRow {
  id: string;
  identifier: string;
  sender: string;
  sent: Date;
  status: CapStatus;
  msg_type: CapMsgType;
  scope: CapScope;
  cap_references: CapReference[];
  warning_colour: WarningColour | null;
  priority: number;
  state: AlertState;
  replaced_by: string | null;
  cancelled_by: string | null;
  submitted_by: string;
  received_at: Date;
  updated_at: Date;
}

/** Alerts, their <info> blocks and the counts of their deliveries, in the notifier schema. */
@Injectable()
export class AlertStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The alert a sender already published under this identifier, if any: what makes a repeated POST harmless. */
  async findByIdentifier(
    tx: EntityManager,
    sender: string,
    identifier: string,
  ): Promise<{ id: string; contentHash: string } | undefined> {
    const [row]: Array<{ id: string; content_hash: string }> = await tx.query(
      `SELECT id, content_hash FROM notifier.alerts WHERE sender = $1 AND identifier = $2`,
      [sender, identifier],
    );
    return row && { id: row.id, contentHash: row.content_hash };
  }

  /**
   * The alerts the references name, and every alert that replaced one of them, locked until the transaction ends:
   * two messages changing the same alert take turns.
   */
  async lockLinked(tx: EntityManager, references: CapReference[]): Promise<LinkedAlert[]> {
    if (references.length === 0) return [];
    type Row = { id: string; sender: string; identifier: string; state: AlertState; replaced_by: string | null };
    const found = new Map<string, Row>();
    let rows: Row[] = await tx.query(
      `SELECT a.id, a.sender, a.identifier, a.state, a.replaced_by
         FROM notifier.alerts a
         JOIN unnest($1::text[], $2::text[]) AS r(sender, identifier) USING (sender, identifier)
        ORDER BY a.id
          FOR UPDATE OF a`,
      [references.map((reference) => reference.sender), references.map((reference) => reference.identifier)],
    );
    while (rows.length > 0) {
      for (const row of rows) found.set(row.id, row);
      const next = [...new Set(rows.map((row) => row.replaced_by))].filter(
        (id): id is string => id !== null && !found.has(id),
      );
      rows =
        next.length === 0
          ? []
          : await tx.query(
              `SELECT id, sender, identifier, state, replaced_by FROM notifier.alerts WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
              [next],
            );
    }
    return [...found.values()].map((row) => ({
      id: row.id,
      sender: row.sender,
      identifier: row.identifier,
      state: row.state,
      replacedBy: row.replaced_by,
    }));
  }

  /** Stores the alert and its infos; false when another request stored the same sender and identifier first. */
  async insert(tx: EntityManager, created: NewAlert): Promise<boolean> {
    const { alert } = created;
    const inserted: unknown[] = await tx.query(
      `INSERT INTO notifier.alerts (id, identifier, sender, sent, status, msg_type, scope, cap_references, original_xml,
         original_json, content_hash, warning_colour, priority, submitted_by, received_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
       ON CONFLICT (sender, identifier) DO NOTHING
       RETURNING id`,
      [
        created.id,
        alert.identifier,
        alert.sender,
        alert.sent,
        alert.status,
        alert.msgType,
        alert.scope,
        JSON.stringify(alert.references),
        'xml' in created.original ? created.original.xml : null,
        'json' in created.original ? JSON.stringify(created.original.json) : null,
        created.contentHash,
        alert.warningColour,
        created.priority,
        created.submittedBy,
        created.receivedAt,
      ],
    );
    if (inserted.length === 0) return false;
    for (const [position, info] of alert.info.entries()) {
      await tx.query(
        `INSERT INTO notifier.alert_infos (alert_id, position, language, lang, category, event, response_type, urgency,
           severity, certainty, sender_name, headline, description, instruction, web, contact, effective, onset,
           expires, warning_colour, event_codes, parameters, areas)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
        [
          created.id,
          position,
          info.language,
          info.lang,
          info.category,
          info.event,
          info.responseType,
          info.urgency,
          info.severity,
          info.certainty,
          info.senderName ?? null,
          info.headline ?? null,
          info.description ?? null,
          info.instruction ?? null,
          info.web ?? null,
          info.contact ?? null,
          info.effective ?? null,
          info.onset ?? null,
          info.expires ?? null,
          info.warningColour,
          JSON.stringify(info.eventCode),
          JSON.stringify(info.parameter),
          JSON.stringify(info.area),
        ],
      );
    }
    return true;
  }

  /**
   * Supersedes the alerts, in the caller's transaction, and stops their deliveries still queued: from the moment the
   * Update commits no one gets the old text any more; the Update's own fan-out sends the new one.
   */
  async markUpdated(tx: EntityManager, ids: string[], replacedBy: string, at: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE notifier.alerts SET state = 'updated', replaced_by = $2, updated_at = $3 WHERE id = ANY($1)`,
      [ids, replacedBy, at],
    );
    await tx.query(
      `UPDATE notifier.deliveries SET state = 'cancelled', cancelled_at = $2, last_error = 'superseded'
        WHERE alert_id = ANY($1) AND state = 'queued'`,
      [ids, at],
    );
  }

  /**
   * Withdraws the alerts and stops their deliveries still queued, in the caller's transaction: a delivery is either
   * sent before the cancellation commits or never. Returns how many deliveries were stopped, per alert.
   */
  async markCancelled(tx: EntityManager, ids: string[], cancelledBy: string, at: Date): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    await tx.query(
      `UPDATE notifier.alerts SET state = 'cancelled', cancelled_by = $2, updated_at = $3 WHERE id = ANY($1)`,
      [ids, cancelledBy, at],
    );
    const stopped: Array<{ alert_id: string; count: number }> = await tx.query(
      `WITH stopped AS (
         UPDATE notifier.deliveries SET state = 'cancelled', cancelled_at = $2
          WHERE alert_id = ANY($1) AND state = 'queued'
         RETURNING alert_id)
       SELECT alert_id, count(*)::int AS count FROM stopped GROUP BY alert_id`,
      [ids, at],
    );
    return new Map(stopped.map((row) => [row.alert_id, row.count]));
  }

  async findById(id: string): Promise<{ alert: StoredAlert; infos: StoredInfo[] } | undefined> {
    const [row]: AlertRow[] = await this.dataSource.query(
      `SELECT ${alertColumns('a')} FROM notifier.alerts a WHERE a.id = $1`,
      [id],
    );
    if (!row) return undefined;
    const infos: StoredInfo[] = await this.dataSource.query(
      `SELECT language, lang, category, event, response_type AS "responseType", urgency, severity, certainty,
              sender_name AS "senderName", headline, description, instruction, web, contact, effective, onset, expires,
              warning_colour AS "warningColour", event_codes AS "eventCodes", parameters, areas
         FROM notifier.alert_infos WHERE alert_id = $1 ORDER BY position`,
      [id],
    );
    return { alert: storedAlert(row), infos };
  }

  /** Newest first, a page at a time. */
  async recent(limit: number, offset = 0): Promise<Array<StoredAlert & { event: string | null }>> {
    const rows: Array<AlertRow & { event: string | null }> = await this.dataSource.query(
      `SELECT ${alertColumns('a')},
              (SELECT i.event FROM notifier.alert_infos i WHERE i.alert_id = a.id ORDER BY i.position LIMIT 1) AS event
         FROM notifier.alerts a ORDER BY a.received_at DESC, a.id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((row) => ({ ...storedAlert(row), event: row.event }));
  }

  /** The document as it was posted: the CAP XML, or the JSON form. */
  async originalOf(id: string): Promise<{ xml: string } | { json: unknown } | undefined> {
    const [row]: Array<{ original_xml: string | null; original_json: unknown }> = await this.dataSource.query(
      `SELECT original_xml, original_json FROM notifier.alerts WHERE id = $1`,
      [id],
    );
    if (!row) return undefined;
    return row.original_xml !== null ? { xml: row.original_xml } : { json: row.original_json };
  }

  /** Deliveries per state, and all of them as targeted, for each alert given. */
  async deliveryCounts(alertIds: string[]): Promise<Map<string, DeliveryCounts>> {
    const rows: Array<{ alert_id: string; state: DeliveryState; count: number }> = await this.dataSource.query(
      `SELECT alert_id, state, count(*)::int AS count FROM notifier.deliveries
        WHERE alert_id = ANY($1) GROUP BY alert_id, state`,
      [alertIds],
    );
    const counts = new Map(alertIds.map((id) => [id, noDeliveries()]));
    for (const row of rows) {
      const forAlert = counts.get(row.alert_id);
      if (!forAlert) continue;
      forAlert[row.state] = row.count;
      forAlert.targeted += row.count;
    }
    return counts;
  }

  /** When the n-th delivery of the alert was sent, in send order, for the ranks asked. */
  async sendTimesAtRanks(alertId: string, ranks: number[]): Promise<Map<number, Date>> {
    if (ranks.length === 0) return new Map();
    const rows: Array<{ rank: string; sent_at: Date }> = await this.dataSource.query(
      `SELECT rank, sent_at FROM (
         SELECT sent_at, row_number() OVER (ORDER BY sent_at) AS rank
           FROM notifier.deliveries WHERE alert_id = $1 AND sent_at IS NOT NULL
          ORDER BY sent_at LIMIT $3) ordered
        WHERE rank = ANY($2)`,
      [alertId, ranks, Math.max(...ranks)],
    );
    return new Map(rows.map((row) => [Number(row.rank), row.sent_at]));
  }
}

export const noDeliveries = (): DeliveryCounts => ({
  targeted: 0,
  queued: 0,
  sending: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  cancelled: 0,
});

function storedAlert(row: AlertRow): StoredAlert {
  return {
    id: row.id,
    identifier: row.identifier,
    sender: row.sender,
    sent: row.sent,
    status: row.status,
    msgType: row.msg_type,
    scope: row.scope,
    references: row.cap_references,
    warningColour: row.warning_colour,
    priority: row.priority,
    state: row.state,
    replacedBy: row.replaced_by,
    cancelledBy: row.cancelled_by,
    submittedBy: row.submitted_by,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
  };
}
