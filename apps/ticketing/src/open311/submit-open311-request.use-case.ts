import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { eachAloneOnFailure, MicroBatchOptions, MicroBatcher } from '@libs/common/batching/micro-batcher';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { CreateTicketV1 } from '@libs/common/contracts/ticket-commands.v1';
import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { Outgoing } from '@libs/common/contracts/topics';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { Clock } from '@libs/common/time/clock';
import { TICKETING_CONFIG, TicketingConfig } from '../config';
import { Outbox } from '../outbox/outbox';
import { CreateTicket, CreateTicketCommand } from '../tickets/create-ticket.use-case';
import { serviceNotice } from './open311-request-view';
import { Open311Record, Open311Requests } from './open311-requests';
import { serviceByCode } from './open311-services';
import { descriptionForDepartment, Open311Submission } from './open311-submission';

export interface Open311Receipt {
  ticketNo: string;
  serviceNotice: string | null;
  accountId: string | null;
}

/** Requests that arrive within this share one transaction: a 2-core machine pays per round trip, not per row. */
const BATCH: MicroBatchOptions = { lingerMs: 2, maxBatchSize: 100 };

/**
 * POST Service Request: a request from another system becomes a ticket exactly as a complaint from chat does (the
 * same CreateTicket, routing and deadlines), in the district this deployment serves. It has no conversation: its
 * channel is `open311` and its conversation id is fresh, so nobody is to be messaged about it. Concurrent requests
 * are stored together (a MicroBatcher), each answered with its own ticket; should their transaction fail, each is
 * stored alone, so that only a request at fault is refused.
 */
@Injectable()
export class SubmitOpen311Request implements BeforeApplicationShutdown {
  private readonly batcher = new MicroBatcher(
    eachAloneOnFailure((requests: Pending[]) => this.openTickets(requests)),
    BATCH,
  );
  /** ticket.created sends not yet done, waited for when the app stops (the relay would send them again). */
  private readonly announcing = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly createTicket: CreateTicket,
    private readonly requests: Open311Requests,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(TICKETING_CONFIG) private readonly config: TicketingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(submission: Open311Submission, client: string): Promise<Open311Receipt> {
    const service = serviceByCode(submission.serviceCode);
    const payload: CreateTicketV1 = {
      conversationId: randomUUID(),
      channel: 'open311',
      citizenId: `open311:${client}`,
      sourceMessageId: randomUUID(),
      category: service.category,
      regionCode: this.config.DEFAULT_REGION_CODE,
      description: descriptionForDepartment(submission, service),
      lang: 'zh',
      ...(submission.point ? { location: { ...submission.point, label: submission.addressString } } : {}),
    };
    const command = createEnvelope('ticket.create', 1, payload.conversationId, payload, {
      traceId: traceContext.traceId(),
    });
    const ticket = await this.batcher.add({ command, record: { commandId: command.id, client, submission } });
    if (ticket instanceof Error) throw ticket;
    traceContext.annotate({ ticketNo: ticket.ticketNo });
    this.logger.info({ ticketNo: ticket.ticketNo, serviceCode: service.code, client }, 'open311 request accepted');
    return {
      ticketNo: ticket.ticketNo,
      serviceNotice: serviceNotice({
        status: 'assigned',
        departmentName: ticket.departmentName,
        workingDays: ticket.workingDays,
        dueAt: ticket.dueAt ? new Date(ticket.dueAt) : null,
      }),
      accountId: submission.contact.accountId ?? null,
    };
  }

  /** One transaction: the submitters' details, the tickets and their ticket.created events stand or fall together. */
  private async openTickets(pending: Pending[]): Promise<TicketCreatedV1[]> {
    const created = await this.dataSource.transaction(async (tx) => {
      await this.requests.recordAll(
        tx,
        pending.map(({ record }) => record),
        this.clock.now(),
      );
      const tickets = await this.createTicket.executeAll(
        pending.map(({ command }) => command),
        tx,
      );
      await this.outbox.writeAll(
        tx,
        tickets.flatMap(({ events }, index) => events.map((event) => ({ causeId: pending[index].command.id, event }))),
      );
      return tickets;
    });
    // Committed: the answers need not wait for Kafka, nor the next batch for this one's events.
    const announced = this.announce(created.flatMap(({ events }) => events));
    this.announcing.add(announced);
    void announced.finally(() => this.announcing.delete(announced));
    return created.map(({ events }) => createdTicket(events));
  }

  /** Requests already taken are stored and announced before the app stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.batcher.drain();
    await Promise.allSettled(this.announcing);
  }

  /**
   * ticket.created is in the outbox already: should Kafka be away (or this process stop first), its relay sends it
   * later. The tickets are open either way, so the clients hear of them at once.
   */
  private async announce(events: Outgoing[]): Promise<void> {
    try {
      await this.outbox.send(events);
    } catch (error) {
      this.logger.error({ err: error }, 'ticket.created not sent now; the outbox relay sends it');
    }
  }
}

interface Pending {
  command: CreateTicketCommand;
  record: Open311Record;
}

/** The new ticket as CreateTicket announced it: number, department, time limit, deadline. */
function createdTicket(events: Outgoing[]): TicketCreatedV1 {
  for (const { envelope } of events) if (envelope.type === 'ticket.created') return envelope.payload;
  throw new Error('CreateTicket announced no ticket.created');
}
