import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Channel } from '@libs/common/contracts/common-fields';
import { ChannelContact } from './channel-contacts';

/** One reply on its way to a citizen on a platform. */
export interface OutboundMessage {
  /** The reply's id: the platform must not get the same one twice (send it as the vendor's dedup id where it has one). */
  messageId: string;
  conversationId: string;
  text: string;
  /** Choices the citizen can tap: as menu buttons where the platform has them, else appended as numbered lines. */
  quickReplies?: string[];
  /** When the reply is news of a ticket: what a subscribe message shows where the text cannot be sent. */
  ticket?: ReplyV1['ticket'];
  contact: ChannelContact;
}

/**
 * A channel's way out (WeCom message/send, 微信客服 send_msg, SMS…). Implementations call the vendor once per call
 * and say how it went by returning (sent) or throwing DeliveryFailed; retries, order and rate limits are the outbound
 * queue's business, not the sender's.
 */
export interface ChannelSender {
  readonly channel: Channel;
  send(message: OutboundMessage): Promise<{ platformMessageId?: string }>;
}

/** The senders of every channel gateway can deliver to: provide with useFactory over the sender classes. */
export const CHANNEL_SENDERS = Symbol('ChannelSenders');

/**
 * A send that did not go through. `retryable`: a network error, a 5xx, a vendor rate limit or an expired token
 * (try again later, after `retryAfterMs` when the vendor says); otherwise the vendor refused this message for good
 * (bad recipient, content rejected) and it goes to the dead letters. `vendorCode` is the vendor's own error code.
 */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly vendorCode?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}
