import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { TICKETING_CONFIG, TicketingConfig } from '../config';
import { Outbox } from '../outbox/outbox';
import { TicketEntity } from '../tickets/ticket.entity';
import { GridWorkerLoad, pickGridWorker } from './pick-grid-worker';

export type GridTaskStatus = 'pending' | 'accepted' | 'done' | 'declined';

export interface GridTask {
  id: string;
  ticketNo: string;
  gridWorker: string;
  community: string;
  groups: string[];
  visitDate: string;
  materials: string[];
  status: GridTaskStatus;
  notes: string | null;
}

interface TaskRow {
  id: string;
  ticket_no: string;
  grid_worker: string;
  community: string;
  groups: string[];
  visit_date: string;
  materials: string[];
  status: GridTaskStatus;
  notes: string | null;
  conversation_id: string;
  channel: TicketEntity['channel'];
  source_message_id: string;
  lang: TicketEntity['lang'];
}

export class GridTaskNotFound extends DomainError {
  constructor(id: string) {
    super('not_found', `没有找到上门任务 ${id}，或它不归您负责`);
  }
}

export class GridTaskNotInState extends DomainError {
  constructor(status: GridTaskStatus, action: string) {
    const label = { pending: '待接收', accepted: '已接收', done: '已完成', declined: '已退回' }[status];
    super('conflict', `上门任务当前为「${label}」，不能${action}`);
  }
}

/**
 * Home visits (上门服务) by community grid workers: one per ticket of an elderly or disabled citizen who asked for
 * help at home, for the next working day. It goes to a grid worker of the ticket's region: the one whose grid the
 * citizen named (棠下, 石牌…), else the one with the fewest open visits. The worker accepts (the citizen is told when and what to have ready), or declines, and marks it done.
 */
@Injectable()
export class GridTasks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @Inject(TICKETING_CONFIG) private readonly config: TicketingConfig,
  ) {}

  /**
   * Creates the visit for a ticket, once; nothing when no grid worker covers its region. `whereText` is what the
   * citizen said about the place (the message, the shared location's label).
   */
  async createFor(ticket: TicketEntity, groups: string[], whereText: string): Promise<void> {
    const workers: GridWorkerLoad[] = await this.dataSource.query(
      `SELECT w.username, w.region_code, w.community, w.areas,
              count(t.id) FILTER (WHERE t.status IN ('pending', 'accepted'))::int AS open
         FROM ticketing.grid_workers w LEFT JOIN ticketing.grid_tasks t ON t.grid_worker = w.username
        GROUP BY w.username ORDER BY open, w.username`,
    );
    const worker = pickGridWorker(workers, ticket.regionCode, whereText);
    if (!worker) return;
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO ticketing.grid_tasks (id, ticket_id, grid_worker, community, groups, visit_date, materials, status,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8)
       ON CONFLICT (ticket_id) DO NOTHING`,
      [
        randomUUID(),
        ticket.id,
        worker.username,
        worker.community,
        JSON.stringify(groups),
        nextWorkingDay(this.calendar, now),
        JSON.stringify(this.config.HOME_VISIT_MATERIALS),
        now,
      ],
    );
  }

  /** A grid worker's own visits, or every visit for an administrator. */
  async list(gridWorker: string | undefined): Promise<GridTask[]> {
    const rows = await this.select(
      gridWorker === undefined ? '' : 'WHERE t.grid_worker = $1',
      gridWorker === undefined ? [] : [gridWorker],
    );
    return rows.map(view);
  }

  /** Accept, decline or finish one's own visit; returns the event the citizen hears of (accept and done). */
  async change(
    id: string,
    gridWorker: string,
    action: 'accept' | 'decline' | 'done',
    traceId: string,
    notes?: string,
  ): Promise<{ task: GridTask; events: Outgoing[] }> {
    const [row] = await this.select('WHERE t.id = $1 AND t.grid_worker = $2', [id, gridWorker]);
    if (!row) throw new GridTaskNotFound(id);
    const moves = {
      accept: ['pending', 'accepted'],
      decline: ['pending', 'declined'],
      done: ['accepted', 'done'],
    } as const;
    const [from, to] = moves[action];
    const label = { accept: '接收', decline: '退回', done: '标记完成' }[action];
    return this.dataSource.transaction(async (tx) => {
      const [, updated]: [unknown, number] = await tx.query(
        `UPDATE ticketing.grid_tasks SET status = $3, notes = coalesce($4, notes), updated_at = $5
          WHERE id = $1 AND status = $2`,
        [id, from, to, notes ?? null, this.clock.now()],
      );
      if (updated !== 1) throw new GridTaskNotInState(row.status, label);
      const events = to === 'declined' ? [] : [homeVisitEvent(row, to, traceId)];
      await this.outbox.write(tx, randomUUID(), events);
      return { task: { ...view(row), status: to, notes: notes ?? row.notes }, events };
    });
  }

  private select(where: string, parameters: unknown[]): Promise<TaskRow[]> {
    return this.dataSource.query(
      `SELECT t.id, k.ticket_no, t.grid_worker, t.community, t.groups, to_char(t.visit_date, 'YYYY-MM-DD') AS visit_date,
              t.materials, t.status, t.notes, k.conversation_id, k.channel, k.source_message_id, k.lang
         FROM ticketing.grid_tasks t JOIN ticketing.tickets k ON k.id = t.ticket_id
         ${where} ORDER BY t.visit_date, t.created_at`,
      parameters,
    );
  }
}

function homeVisitEvent(row: TaskRow, status: GridTaskStatus, traceId: string): Outgoing {
  return {
    topic: Topic.TicketEventsV1,
    envelope: createEnvelope(
      'ticket.home_visit',
      1,
      row.conversation_id,
      {
        ticketNo: row.ticket_no,
        conversationId: row.conversation_id,
        channel: row.channel,
        sourceMessageId: row.source_message_id,
        lang: row.lang,
        taskId: row.id,
        status,
        community: row.community,
        visitDate: row.visit_date,
        materials: row.materials,
      },
      { traceId },
    ),
  };
}

/** The next working day in Beijing; the next day when the holiday schedule for it is not published (a visit date, not a deadline). */
function nextWorkingDay(calendar: WorkingDayCalendar, now: Date): string {
  const deadline = calendar.deadlineAfter(now, 1);
  return deadline ? chinaDate(deadline) : chinaDate(new Date(now.getTime() + 86_400_000));
}

function view(row: TaskRow): GridTask {
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    gridWorker: row.grid_worker,
    community: row.community,
    groups: row.groups,
    visitDate: row.visit_date,
    materials: row.materials,
    status: row.status,
    notes: row.notes,
  };
}
