import { Injectable } from '@nestjs/common';
import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Outgoing } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { ConversationStore } from '../conversations/conversation-store';
import { EnqueueReply } from '../outbound/enqueue-reply.use-case';
import { OutboundQueues } from '../outbound/outbound-queues';
import { SessionFeed } from '../webchat/session-feed';

export class ChannelNotConnected extends DomainError {
  constructor(channel: string) {
    super('unprocessable', `channel ${channel} has no adapter in this gateway yet`);
  }
}

/**
 * A reply from dialogue, to the citizen: kept in the conversation, then pushed to the web chat session's live feed,
 * or put on the channel's outbound queue (which retries, keeps the order and rate-limits the vendor calls).
 */
@Injectable()
export class DeliverReply {
  constructor(
    private readonly store: ConversationStore,
    private readonly feed: SessionFeed,
    private readonly outbound: OutboundQueues,
    private readonly enqueueReply: EnqueueReply,
  ) {}

  async execute(reply: ReplyV1): Promise<Outgoing[]> {
    if (reply.channel === 'webchat') return this.pushToSession(reply);
    if (!this.outbound.isConnected(reply.channel)) throw new ChannelNotConnected(reply.channel);
    await this.store.storeOutbound(reply);
    await this.enqueueReply.execute(reply);
    return [];
  }

  private async pushToSession(reply: ReplyV1): Promise<Outgoing[]> {
    const stored = await this.store.storeOutbound(reply);
    // Published again on a redelivery too: the page drops a message id it already shows.
    await this.feed.publish(reply.conversationId, stored);
    return [];
  }
}
