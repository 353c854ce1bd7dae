import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { OutboundDeliveries } from './outbound-deliveries';
import { OutboundQueues } from './outbound-queues';
import { DeadLetterNotFound, NotADeadLetter } from './outbound.errors';

/**
 * An administrator sends a given-up reply again (the vendor is back, the citizen's address is fixed). It goes back to
 * its place in its conversation's queue with fresh attempts; should the job not be added, the sweep picks it up.
 */
@Injectable()
export class RetryDeadLetter {
  constructor(
    private readonly deliveries: OutboundDeliveries,
    private readonly queues: OutboundQueues,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(messageId: string, actor: string): Promise<{ id: string; status: 'pending' }> {
    const revival = await this.deliveries.revive(messageId);
    if (revival.kind === 'unknown') throw new DeadLetterNotFound(messageId);
    if (revival.kind === 'not_dead') throw new NotADeadLetter(revival.status);
    const { channel, conversationId } = revival.delivery;
    this.logger.info({ messageId, channel, conversationId, actor }, 'dead letter sent back to its queue');
    if (this.queues.isConnected(channel)) {
      await this.queues.kick(channel, conversationId, `retry-${messageId}-${revival.manualRetries}`);
    }
    return { id: messageId, status: 'pending' };
  }
}
