import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eachAloneOnFailure, MicroBatcher } from '@libs/common/batching/micro-batcher';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { TicketCommandV1 } from '@libs/common/contracts/ticket-commands.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { traceContext } from '@libs/common/logging/trace-context';
import { Clock } from '@libs/common/time/clock';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { GridTasks } from '../grid/grid-tasks';
import { DepartmentEntity } from '../routing/department.entity';
import { Routing } from '../routing/routing';
import { TICKETING_CONFIG, TicketingConfig } from '../config';
import { TicketEntity } from './ticket.entity';
import { NewTicket, TicketStore } from './ticket-store';

export type CreateTicketCommand = Extract<TicketCommandV1, { type: 'ticket.create' }>;

export interface CreatedTicket {
  ticket: TicketEntity;
  events: Outgoing[];
}

/**
 * 受理 and 派单 in one step: a complaint becomes a ticket routed to its department, with the deadline in working
 * days. A redelivered command finds the ticket it created and announces it again under the same event id.
 */
@Injectable()
export class CreateTicket implements BeforeApplicationShutdown {
  private readonly inserts = new MicroBatcher(
    eachAloneOnFailure((tickets: NewTicket[]) => this.tickets.insertAll(tickets)),
    { lingerMs: 2, maxBatchSize: 100 },
  );

  constructor(
    private readonly tickets: TicketStore,
    private readonly routing: Routing,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly gridTasks: GridTasks,
    @Inject(TICKETING_CONFIG) private readonly config: TicketingConfig,
  ) {}

  /**
   * One command, as the Kafka consumer hands them over. Commands handled at the same moment (other conversations)
   * share one INSERT; each is routed on its own first, and inserted alone after a failed INSERT, so a command that
   * cannot be routed or stored fails alone.
   */
  async execute(command: CreateTicketCommand): Promise<Outgoing[]> {
    const ticket = await this.inserts.add(await this.routed(command));
    if (ticket instanceof Error) throw ticket;
    traceContext.annotate({ ticketNo: ticket.ticketNo });
    return (await this.opened(ticket, command)).events;
  }

  /** Commands already taken are stored before the app stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.inserts.drain();
  }

  /**
   * Many commands in one go, each answered in order with its ticket and the events announcing it; within the
   * caller's transaction when given its manager (Open311 requests store their submitters with their tickets).
   */
  async executeAll(commands: CreateTicketCommand[], manager?: EntityManager): Promise<CreatedTicket[]> {
    const routed = await Promise.all(commands.map((command) => this.routed(command)));
    const tickets = await this.tickets.insertAll(routed, manager);
    return Promise.all(commands.map((command, index) => this.opened(tickets[index], command)));
  }

  /** After the insert (or finding the ticket a redelivered command opened the first time): home visit, event. */
  private async opened(ticket: TicketEntity, command: CreateTicketCommand): Promise<CreatedTicket> {
    // Idempotent too: one home visit per ticket.
    const { homeVisit, description, location } = command.payload;
    if (homeVisit) await this.gridTasks.createFor(ticket, homeVisit.groups, `${description} ${location?.label ?? ''}`);
    const department = await this.routing.department(ticket.departmentCode);
    return { ticket, events: [this.ticketCreated(ticket, department, command)] };
  }

  private async routed(command: CreateTicketCommand): Promise<NewTicket> {
    const department = await this.routing.departmentFor(command.payload.category, command.payload.regionCode);
    const acceptedAt = this.clock.now();
    // The category's own time limit (or its parent's), else the one citizens are told by default.
    const workingDays =
      (await this.routing.concludeWithinWorkingDays(command.payload.category)) ??
      this.config.CONCLUDE_WITHIN_WORKING_DAYS;
    return {
      command: command.payload,
      sourceCommandId: command.id,
      departmentCode: department.code,
      acceptedAt,
      workingDays,
      dueAt: this.calendar.deadlineAfter(acceptedAt, workingDays),
      signDueAt: this.calendar.deadlineAfter(acceptedAt, 1),
    };
  }

  private ticketCreated(ticket: TicketEntity, department: DepartmentEntity, command: CreateTicketCommand): Outgoing {
    return {
      topic: Topic.TicketEventsV1,
      envelope: createEnvelope(
        'ticket.created',
        1,
        ticket.conversationId,
        {
          ticketNo: ticket.ticketNo,
          conversationId: ticket.conversationId,
          channel: command.payload.channel,
          sourceMessageId: ticket.sourceMessageId,
          lang: command.payload.lang,
          category: ticket.category,
          regionCode: ticket.regionCode,
          departmentCode: department.code,
          departmentName: department.name,
          acceptedAt: ticket.acceptedAt.toISOString(),
          workingDays: ticket.workingDays,
          dueAt: ticket.dueAt?.toISOString() ?? null,
        },
        { traceId: command.traceId, envelopeId: command.id },
      ),
    };
  }
}
