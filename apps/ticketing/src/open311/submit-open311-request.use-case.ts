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
    // One transaction: the submitter's details, the ticket and its ticket.created event stand or fall together.
    const events = await this.dataSource.transaction(async (tx) => {
      await this.requests.record(tx, command.id, client, submission, this.clock.now());
      const created = await this.createTicket.execute(command, tx);
      await this.outbox.write(tx, command.id, created);
      return created;
    });
    await this.announce(events);
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
   * ticket.created is in the outbox already: should Kafka be away, its relay sends it later. The ticket is open
   * either way, so the client hears of it; failing now would only make it post a second one.
   */
  private async announce(events: Outgoing[]): Promise<void> {
    try {
      await this.outbox.send(events);
    } catch (error) {
      this.logger.error({ err: error }, 'ticket.created not sent now; the outbox relay sends it');
    }
  }
}

/** The new ticket as CreateTicket announced it: number, department, time limit, deadline. */
function createdTicket(events: Outgoing[]): TicketCreatedV1 {
  for (const { envelope } of events) if (envelope.type === 'ticket.created') return envelope.payload;
  throw new Error('CreateTicket announced no ticket.created');
}
