import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ChannelSender, DeliveryFailed, OutboundMessage } from '../channel-sender';
import { splitForPlatform, withNumberedChoices } from '../wecom-api/reply-text';
import { rethrowAsDeliveryFailed } from './wxa-api-error';
import { WXA_CHANNEL, WxaChannel } from './wxa-channel';

/**
 * Replies to mini-program users through the customer-service message API (客服消息, message/custom/send), as text
 * with choices as numbered lines. WeChat allows five such messages within 48 hours of the user's last message (two
 * within a minute of opening the chat); beyond that it answers 45015 / 45047, which are final: news that must reach
 * someone later goes as a subscribe message (WxaSubscribeMessages) instead.
 */
@Injectable()
export class WxaSender implements ChannelSender {
  readonly channel = 'wxa' as const;

  constructor(@Inject(WXA_CHANNEL) private readonly wxa: WxaChannel | null) {}

  async send(message: OutboundMessage): Promise<{ platformMessageId?: string }> {
    if (!this.wxa) throw new DeliveryFailed('the mini-program is not configured (WXA_*)', false);
    const { appId } = this.wxa.settings;
    if (message.contact.account !== appId) {
      throw new DeliveryFailed(`the conversation is on mini-program ${message.contact.account}, not ${appId}`, false);
    }
    for (const content of splitForPlatform(withNumberedChoices(message.text, message.quickReplies))) {
      await this.wxa.api
        .post(
          '/cgi-bin/message/custom/send',
          { touser: message.contact.address, msgtype: 'text', text: { content } },
          z.object({}),
        )
        .catch(rethrowAsDeliveryFailed);
    }
    // custom/send answers no message id.
    return {};
  }
}
