import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { TicketDeadlineAlertV1, TicketStatusV1 } from '@libs/common/contracts/ticket-events.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { LOGGER } from '@libs/common/logging/logging.module';
import { newTraceId, traceContext } from '@libs/common/logging/trace-context';
import { Clock } from '@libs/common/time/clock';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { Outbox } from '../outbox/outbox';
import { AlertLevel, alertWindow, DeadlineKind, OPEN_STATUSES_SQL } from './deadline-alerts';

/** What one scan raised. */
export interface ScanResult {
  scannedAt: string;
  raised: { yellow: number; red: number };
}

/**
 * Where each kind of deadline lives and which tickets it applies to. With "<kind>_<level>_raised_for IS DISTINCT
 * FROM <deadline>" (still owed that alert) the conditions repeat, word for word, the partial indexes of migration
 * 1764230000000 (tickets_owed_*), so the planner uses them: a scan reads only the tickets whose deadline crossed a
 * boundary since they were last alerted, never all open tickets near or past their deadline.
 */
const DEADLINES: Record<DeadlineKind, { column: string; tickets: string }> = {
  conclude: { column: 'due_at', tickets: `t.status IN (${OPEN_STATUSES_SQL})` },
  sign: { column: 'sign_due_at', tickets: `t.status = 'assigned'` },
};

/** Alerts written per transaction: a backlog (the first scan after an outage) goes out in steps. */
const BATCH = 500;

interface CandidateRow {
  /** Null (both) when the alert was already on record. */
  alert_id: string | null;
  raised_at: Date | null;
  due_at: Date;
  ticket_no: string;
  conversation_id: string;
  status: TicketStatusV1;
  category: string;
  region_code: string;
  department_code: string;
  department_name: string;
  head_username: string | null;
}

type RaisedRow = Omit<CandidateRow, 'alert_id' | 'raised_at'> & { alert_id: string; raised_at: Date };

/**
 * 预警: finds open tickets whose 签收 or 办结 deadline is near (yellow) or past (red) at the clock's now, records one
 * alert per ticket, deadline, kind and level, and announces each on ticket.events.v1 through the outbox. An alert
 * already recorded is never raised again (a unique constraint, so also not by a concurrent scan on another replica,
 * nor after a restart). A deadline already past gets its red alert only: a yellow one would be news too late.
 */
@Injectable()
export class ScanDeadlines {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  execute(): Promise<ScanResult> {
    return traceContext.run({ traceId: newTraceId() }, () => this.scan());
  }

  private async scan(): Promise<ScanResult> {
    const now = this.clock.now();
    const raised = { yellow: 0, red: 0 };
    for (const kind of ['sign', 'conclude'] as const) {
      const window = alertWindow(kind, now, this.calendar);
      raised.red += await this.raiseAll(kind, 'red', { before: window.redBefore }, now);
      raised.yellow += await this.raiseAll(kind, 'yellow', { from: window.redBefore, upTo: window.yellowUpTo }, now);
    }
    if (raised.yellow + raised.red > 0) this.logger.info({ ...raised }, 'deadline alerts raised');
    return { scannedAt: now.toISOString(), raised };
  }

  /** Raises the alerts of one kind and level in batches, until none is left. */
  private async raiseAll(
    kind: DeadlineKind,
    level: AlertLevel,
    range: { before: Date } | { from: Date; upTo: Date },
    now: Date,
  ): Promise<number> {
    let total = 0;
    // Each step's events go to Kafka while the next step is written; one send at a time.
    let sending: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const { candidates, events } = await this.dataSource.transaction(async (tx) => {
          const rows = await this.raiseBatch(tx, kind, level, range, now);
          // A candidate without an alert id already had its alert (raised before its mark was set): nothing to say.
          const raised = rows.flatMap(({ alert_id, raised_at, ...row }) =>
            alert_id && raised_at ? [this.alertEvent({ ...row, alert_id, raised_at }, kind, level)] : [],
          );
          await this.outbox.writeAll(
            tx,
            raised.map((event) => ({ causeId: event.envelope.id, event })),
          );
          return { candidates: rows.length, events: raised };
        });
        await sending;
        sending = this.outbox.send(events);
        // Its failure is thrown where it is awaited; without a handler now, one during the next step would be an
        // unhandled rejection, and Node stops the process for that.
        sending.catch(() => undefined);
        total += events.length;
        if (candidates === 0) return total;
      }
    } finally {
      await sending;
    }
  }

  private raiseBatch(
    tx: EntityManager,
    kind: DeadlineKind,
    level: AlertLevel,
    range: { before: Date } | { from: Date; upTo: Date },
    now: Date,
  ): Promise<CandidateRow[]> {
    const { column, tickets } = DEADLINES[kind];
    const raisedFor = (alertLevel: AlertLevel) => `${kind}_${alertLevel}_raised_for`;
    // A red alert settles the yellow one too.
    const settles = level === 'red' ? [raisedFor('red'), raisedFor('yellow')] : [raisedFor('yellow')];
    const [inRange, bounds] =
      'before' in range
        ? [`t.${column} < $4`, [range.before]]
        : [`t.${column} >= $4 AND t.${column} <= $5`, [range.from, range.upTo]];
    // Tickets being changed right now are skipped (SKIP LOCKED) and taken by the next scan; those taken stay locked
    // until commit, so the deadline marked on the ticket is the one alerted. The alert row makes the alert once.
    return tx.query(
      `WITH due AS (
         SELECT t.id, t.${column} AS due_at, t.department_code
           FROM ticketing.tickets t
          WHERE ${tickets} AND t.${raisedFor(level)} IS DISTINCT FROM t.${column} AND ${inRange}
          ORDER BY t.${column}
          LIMIT ${BATCH}
          FOR UPDATE OF t SKIP LOCKED),
       marked AS (
         UPDATE ticketing.tickets t SET ${settles.map((name) => `${name} = due.due_at`).join(', ')}
           FROM due WHERE t.id = due.id),
       raised AS (
         INSERT INTO ticketing.deadline_alerts (id, ticket_id, kind, level, due_at, department_code, raised_at)
         SELECT gen_random_uuid(), id, $1, $2, due_at, department_code, $3 FROM due
         ON CONFLICT ON CONSTRAINT deadline_alerts_once DO NOTHING
         RETURNING id, ticket_id, due_at, department_code, raised_at)
       SELECT r.id AS alert_id, due.due_at, r.raised_at, t.ticket_no, t.conversation_id, t.status, t.category,
              t.region_code, d.code AS department_code, d.name AS department_name, d.head_username
         FROM due
         LEFT JOIN raised r ON r.ticket_id = due.id
         JOIN ticketing.tickets t ON t.id = due.id
         JOIN ticketing.departments d ON d.code = due.department_code`,
      [kind, level, now, ...bounds],
    );
  }

  private alertEvent(row: RaisedRow, kind: DeadlineKind, level: AlertLevel): Outgoing {
    const payload: TicketDeadlineAlertV1 = {
      alertId: row.alert_id,
      ticketNo: row.ticket_no,
      kind,
      level,
      dueAt: row.due_at.toISOString(),
      raisedAt: row.raised_at.toISOString(),
      status: row.status,
      category: row.category,
      regionCode: row.region_code,
      departmentCode: row.department_code,
      departmentName: row.department_name,
      departmentHeadUsername: row.head_username,
    };
    return {
      topic: Topic.TicketEventsV1,
      // Keyed by the conversation, as every event of the ticket, so they stay in order; the id derives from the
      // alert's, so the relay resending it is dropped downstream as a duplicate.
      envelope: createEnvelope('ticket.deadline_alert', 1, row.conversation_id, payload, {
        traceId: traceContext.traceId(),
        envelopeId: row.alert_id,
      }),
    };
  }
}
