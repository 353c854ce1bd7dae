import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { Clock } from '@libs/common/time/clock';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { Outbox } from '../outbox/outbox';
import { DepartmentEntity } from '../routing/department.entity';
import { Routing } from '../routing/routing';
import { TicketEntity } from './ticket.entity';
import { Actor, mayTake, NotYourTicket, stepsOf, TicketChange } from './ticket-change';
import { ACTION_LABEL, TicketAction, TicketStatus } from './ticket-lifecycle';
import { TicketNotFound } from './ticket-not-found';

export class ConcurrentChange extends DomainError {
  constructor(ticketNo: string, version: number) {
    super('conflict', `工单 ${ticketNo} 已被他人更新（当前版本 ${version}），请刷新后再操作`, { version });
  }
}

export class NoPendingExtension extends DomainError {
  constructor() {
    super('conflict', '该工单没有待审批的延期申请');
  }
}

export class ExtensionAlreadyPending extends DomainError {
  constructor() {
    super('conflict', '该工单已有一条延期申请在审批中');
  }
}

/** What a change did, for the caller: the ticket as it is now, and the events to produce. */
export interface ChangeResult {
  ticket: TicketEntity;
  events: Outgoing[];
}

/**
 * Moves a ticket on by one change, as its lifecycle allows and its actor may: checks, updates the ticket (locked
 * for the transaction, and only at the version the client saw when it sends one: optimistic locking), writes the
 * history, and returns a ticket.changed event per step. Event ids derive from the cause, so a replay repeats them.
 */
@Injectable()
export class ChangeTicket {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routing: Routing,
    private readonly calendar: WorkingDayCalendar,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async execute(
    ticketNo: string,
    change: TicketChange,
    actor: Actor,
    cause: { traceId: string; envelopeId?: string },
    expectedVersion?: number,
  ): Promise<ChangeResult> {
    const causeId = cause.envelopeId ?? randomUUID();
    return this.dataSource.transaction(async (tx) => {
      // A replayed command (a crash after the change, before its events were sent) gets its events again.
      const earlier = cause.envelopeId ? await this.outbox.causedBy(tx, causeId) : undefined;
      if (earlier) {
        const ticket = await tx.getRepository(TicketEntity).findOneByOrFail({ ticketNo });
        return { ticket, events: earlier };
      }
      // Locked for the transaction: two changes to one ticket take turns; If-Match catches a change the client missed.
      const ticket = await tx
        .getRepository(TicketEntity)
        .findOne({ where: { ticketNo }, lock: { mode: 'pessimistic_write' } });
      if (!ticket || !isVisibleTo(actor, ticket)) throw new TicketNotFound(ticketNo);
      if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
        throw new ConcurrentChange(ticketNo, ticket.version);
      }
      if (!mayTake(actor, change.action, ticket)) throw new NotYourTicket(ACTION_LABEL[change.action]);
      const steps = stepsOf(ticket.status, change);
      const now = this.clock.now();
      const { department, extensionWorkingDays } = await this.applyEffects(tx, ticket, change, actor, now);
      const from = ticket.status;
      ticket.status = steps[steps.length - 1].to;
      ticket.updatedAt = now;
      await this.save(tx, ticket);
      let previous: TicketStatus = from;
      for (const step of steps) {
        await tx.query(
          `INSERT INTO ticketing.ticket_history (ticket_id, at, actor, action, from_status, to_status, reason, details)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            ticket.id,
            now,
            actorName(actor),
            step.action,
            previous,
            step.to,
            reasonOf(change) ?? null,
            detailsOf(change),
          ],
        );
        previous = step.to;
      }
      const events = steps.map((step, index) =>
        this.changedEvent(
          ticket,
          department,
          step,
          change,
          extensionWorkingDays,
          { ...cause, envelopeId: causeId },
          now,
          index,
        ),
      );
      await this.outbox.write(tx, causeId, events);
      return { ticket, events };
    });
  }

  /** The change's own effects beyond the state: dates, reply, rating, department, extension and notice rows. */
  private async applyEffects(
    tx: EntityManager,
    ticket: TicketEntity,
    change: TicketChange,
    actor: Actor,
    now: Date,
  ): Promise<{ department: DepartmentEntity; extensionWorkingDays?: number }> {
    let extensionWorkingDays: number | undefined;
    switch (change.action) {
      case 'dispatch':
        ticket.departmentCode = (await this.routing.department(change.departmentCode)).code;
        ticket.signDueAt = this.calendar.deadlineAfter(now, 1);
        break;
      case 'signFor':
        ticket.signedAt = now;
        break;
      case 'returnTicket':
        // Back to the desk, which reads the reason and dispatches it again.
        ticket.departmentCode = (await this.routing.defaultDesk()).code;
        break;
      case 'requestExtension': {
        const pending = await tx.query(
          `SELECT 1 FROM ticketing.ticket_extensions WHERE ticket_id = $1 AND decision IS NULL`,
          [ticket.id],
        );
        if (pending.length > 0) throw new ExtensionAlreadyPending();
        await tx.query(
          `INSERT INTO ticketing.ticket_extensions (id, ticket_id, working_days, reason, requested_by, requested_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [randomUUID(), ticket.id, change.workingDays, change.reason, actorName(actor), now],
        );
        break;
      }
      case 'decideExtension': {
        const [[decided]]: [Array<{ working_days: number }>, number] = await tx.query(
          `UPDATE ticketing.ticket_extensions SET decision = $2, decided_by = $3, decided_at = $4, decision_reason = $5
            WHERE ticket_id = $1 AND decision IS NULL RETURNING working_days`,
          [ticket.id, change.isApproved ? 'approved' : 'refused', actorName(actor), now, change.reason ?? null],
        );
        if (!decided) throw new NoPendingExtension();
        if (change.isApproved) {
          extensionWorkingDays = decided.working_days;
          ticket.workingDays += decided.working_days;
          ticket.dueAt = this.calendar.deadlineAfter(ticket.dueAt ?? now, decided.working_days);
        }
        break;
      }
      case 'conclude':
        ticket.resolvedAt = now;
        ticket.replyCipher = this.cipher.encrypt(change.reply);
        break;
      case 'rate':
        ticket.rating = change.rating;
        ticket.ratingReason = change.reason ?? null;
        if (stepsOf(ticket.status, change)[1]?.action === 'reopen') this.reopen(ticket, now);
        break;
      case 'reopen':
        this.reopen(ticket, now);
        break;
      case 'supervise':
        await tx.query(
          `INSERT INTO ticketing.ticket_supervisions (id, ticket_id, notice, issued_by, issued_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [randomUUID(), ticket.id, change.notice, actorName(actor), now],
        );
        break;
    }
    return { department: await this.routing.department(ticket.departmentCode), extensionWorkingDays };
  }

  /** 重办: the same department puts it right, within the category's time limit again. */
  private reopen(ticket: TicketEntity, now: Date): void {
    ticket.reopenCount += 1;
    ticket.resolvedAt = null;
    ticket.dueAt = this.calendar.deadlineAfter(now, ticket.workingDays);
  }

  private async save(tx: EntityManager, ticket: TicketEntity): Promise<void> {
    const [, updated]: [unknown, number] = await tx.query(
      `UPDATE ticketing.tickets SET status = $3, department_code = $4, due_at = $5, working_days = $6,
         sign_due_at = $7, signed_at = $8, resolved_at = $9, reply_cipher = $10, rating = $11, rating_reason = $12,
         reopen_count = $13, updated_at = $14, version = version + 1
       WHERE id = $1 AND version = $2`,
      [
        ticket.id,
        ticket.version,
        ticket.status,
        ticket.departmentCode,
        ticket.dueAt,
        ticket.workingDays,
        ticket.signDueAt,
        ticket.signedAt,
        ticket.resolvedAt,
        ticket.replyCipher,
        ticket.rating,
        ticket.ratingReason,
        ticket.reopenCount,
        ticket.updatedAt,
      ],
    );
    if (updated !== 1) throw new ConcurrentChange(ticket.ticketNo, ticket.version + 1);
    ticket.version += 1;
  }

  private changedEvent(
    ticket: TicketEntity,
    department: DepartmentEntity,
    { action, to: status }: { action: TicketAction; to: TicketStatus },
    change: TicketChange,
    extensionWorkingDays: number | undefined,
    cause: { traceId: string; envelopeId: string },
    now: Date,
    part: number,
  ): Outgoing {
    return {
      topic: Topic.TicketEventsV1,
      envelope: createEnvelope(
        'ticket.changed',
        1,
        ticket.conversationId,
        {
          ticketNo: ticket.ticketNo,
          conversationId: ticket.conversationId,
          channel: ticket.channel,
          sourceMessageId: ticket.sourceMessageId,
          lang: ticket.lang,
          departmentCode: department.code,
          departmentName: department.name,
          workingDays: ticket.workingDays,
          dueAt: ticket.dueAt?.toISOString() ?? null,
          action,
          status,
          at: now.toISOString(),
          ...(action === 'conclude' && change.action === 'conclude' ? { reply: change.reply } : {}),
          ...(action === 'rate' && change.action === 'rate' ? { rating: change.rating } : {}),
          ...(action === 'decideExtension' && extensionWorkingDays ? { extensionWorkingDays } : {}),
        },
        { traceId: cause.traceId, envelopeId: cause.envelopeId },
        { part },
      ),
    };
  }
}

/** A department sees only its own tickets; admins and agents see all; a citizen only the ticket of their conversation. */
export function isVisibleTo(actor: Actor, ticket: { departmentCode: string; conversationId: string }): boolean {
  if (actor.kind === 'citizen') return actor.conversationId === ticket.conversationId;
  const { roles, departmentCode } = actor.staff;
  if (roles.includes('admin') || roles.includes('agent')) return true;
  return departmentCode === ticket.departmentCode;
}

function actorName(actor: Actor): string {
  return actor.kind === 'staff' ? actor.staff.username : 'citizen';
}

function reasonOf(change: TicketChange): string | undefined {
  if ('reason' in change) return change.reason;
  if (change.action === 'supervise') return change.notice;
  return undefined;
}

function detailsOf(change: TicketChange): string {
  const { action: _action, ...rest } = change;
  // The reply is the department's words to the citizen: kept encrypted on the ticket, not copied here.
  if ('reply' in rest) return JSON.stringify({ hasReply: true });
  return JSON.stringify(rest);
}
