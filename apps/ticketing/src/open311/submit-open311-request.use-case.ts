import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { CreateTicketV1 } from '@libs/common/contracts/ticket-commands.v1';
import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { Outgoing } from '@libs/common/contracts/topics';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { Clock } from '@libs/common/time/clock';
import { TICKETING_CONFIG, TicketingConfig } from '../config';
import { Outbox } from '../outbox/outbox';
import { CreateTicket } from '../tickets/create-ticket.use-case';
import { serviceNotice } from './open311-request-view';
import { Open311Requests } from './open311-requests';
import { serviceByCode } from './open311-services';
import { descriptionForDepartment, Open311Submission } from './open311-submission';

export interface Open311Receipt {
  ticketNo: string;
  serviceNotice: string | null;
  accountId: string | null;
}

/**
 * POST Service Request: a request from another system becomes a ticket exactly as a complaint from chat does (the
 * same CreateTicket, routing and deadlines), in the district this deployment serves. It has no conversation: its
 * channel is `open311` and its conversation id is fresh, so nobody is to be messaged about it.
 *
 * No transaction spans the steps: CreateTicket reads routing and categories on other pool connections, and holding
 * one connection while waiting for another deadlocks the pool under load. So the submitter's details are written
 * first, under the command's id, and discarded if the ticket cannot be opened.
 */
@Injectable()
export class SubmitOpen311Request {
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
    await this.requests.record(command.id, client, submission, this.clock.now());
    const events = await this.createTicket.execute(command).catch(async (error: unknown) => {
      await this.requests.discard(command.id).catch((cleanup: unknown) => {
        this.logger.warn({ err: cleanup }, 'open311 details left without a ticket');
      });
      throw error;
    });
    await this.announce(command.id, events);
    const ticket = createdTicket(events);
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

  /**
   * ticket.created through the outbox: should Kafka be away, its relay sends the event later. The ticket is open
   * either way, so the client hears of it; failing now would only make it post a second one.
   */
  private async announce(causeId: string, events: Outgoing[]): Promise<void> {
    try {
      await this.outbox.write(this.dataSource.manager, causeId, events);
      await this.outbox.send(events);
    } catch (error) {
      this.logger.error({ err: error, causeId }, 'ticket.created not sent; the outbox relay sends what it holds');
    }
  }
}

/** The new ticket as CreateTicket announced it: number, department, time limit, deadline. */
function createdTicket(events: Outgoing[]): TicketCreatedV1 {
  for (const { envelope } of events) if (envelope.type === 'ticket.created') return envelope.payload;
  throw new Error('CreateTicket announced no ticket.created');
}
