import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ChannelSender, DeliveryFailed, OutboundMessage } from '../channel-sender';
import { splitForPlatform, withNumberedChoices } from '../wecom-api/reply-text';
import { rethrowAsDeliveryFailed } from '../wecom-api/wecom-api-error';
import { WECOM_CHANNEL, WeComChannel } from './wecom-channel';

const MessageSendAnswer = z.object({
  /** Recipients WeCom did not deliver to (not a member, or outside the app's visible range), joined with "|". */
  invaliduser: z.string().optional(),
  msgid: z.string().optional(),
});

/**
 * Replies to members of the self-built app through message/send, as text. Choices become numbered lines (an app
 * text message has no buttons); a reply over WeCom's 2048 bytes goes as several messages, in order.
 */
@Injectable()
export class WeComSender implements ChannelSender {
  readonly channel = 'wecom' as const;

  constructor(@Inject(WECOM_CHANNEL) private readonly wecom: WeComChannel | null) {}

  async send(message: OutboundMessage): Promise<{ platformMessageId?: string }> {
    if (!this.wecom) throw new DeliveryFailed('the WeCom self-built app is not configured (WECOM_*)', false);
    const { agentId } = this.wecom.settings;
    if (message.contact.account !== String(agentId)) {
      throw new DeliveryFailed(`the conversation is on WeCom app ${message.contact.account}, not ${agentId}`, false);
    }
    let platformMessageId: string | undefined;
    for (const content of splitForPlatform(withNumberedChoices(message.text, message.quickReplies))) {
      const answer = await this.wecom.api
        .post(
          '/cgi-bin/message/send',
          { touser: message.contact.address, msgtype: 'text', agentid: agentId, text: { content }, safe: 0 },
          MessageSendAnswer,
        )
        .catch(rethrowAsDeliveryFailed);
      // WeCom answers 0 and names the recipients it dropped: for a single recipient that is a refusal.
      if (answer.invaliduser) throw new DeliveryFailed('WeCom refused the recipient (invaliduser)', false, '81013');
      platformMessageId = answer.msgid ?? platformMessageId;
    }
    return platformMessageId ? { platformMessageId } : {};
  }
}
