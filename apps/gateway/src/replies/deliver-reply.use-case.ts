import { Injectable } from '@nestjs/common';
import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Outgoing } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { ConversationStore } from '../conversations/conversation-store';
import { SessionFeed } from '../webchat/session-feed';

export class ChannelNotConnected extends DomainError {
  constructor(channel: string) {
    super('unprocessable', `channel ${channel} has no adapter in this gateway yet`);
  }
}

/** A reply from dialogue, to the citizen: kept in the conversation, then pushed to the session's live feed. */
@Injectable()
export class DeliverReply {
  constructor(
    private readonly store: ConversationStore,
    private readonly feed: SessionFeed,
  ) {}

  async execute(reply: ReplyV1): Promise<Outgoing[]> {
    if (reply.channel !== 'webchat') throw new ChannelNotConnected(reply.channel);
    const stored = await this.store.storeOutbound(reply);
    // Published again on a redelivery too: the page drops a message id it already shows.
    await this.feed.publish(reply.conversationId, stored);
    return [];
  }
}
