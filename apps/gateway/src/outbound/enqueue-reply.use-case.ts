import { Injectable } from '@nestjs/common';
import { DeliveryKey, OutboundDeliveries } from './outbound-deliveries';
import { outboundMetrics } from './outbound-metrics';
import { OutboundQueues } from './outbound-queues';

/**
 * Puts a stored reply on its channel's queue: a row (once per reply) and a job. The caller's Kafka message is done
 * only after both exist, so a crash in between means a redelivery, never a lost reply.
 */
@Injectable()
export class EnqueueReply {
  constructor(
    private readonly deliveries: OutboundDeliveries,
    private readonly queues: OutboundQueues,
  ) {}

  async execute(reply: DeliveryKey): Promise<void> {
    await this.deliveries.record(reply);
    // Added again on a redelivery too: if the first try stopped between the row and the job, this is the job.
    await this.queues.kick(reply.channel, reply.conversationId, reply.messageId);
    outboundMetrics.attempts.inc({ channel: reply.channel, outcome: 'enqueued' });
  }
}
