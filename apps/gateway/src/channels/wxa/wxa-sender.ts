import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@libs/common/errors/domain-error';
import { WxaApiError } from '@libs/common/vendors/wxa/wxa-api-error';
import { ChannelSender, DeliveryFailed, OutboundMessage } from '../channel-sender';
import { splitForPlatform, withNumberedChoices } from '../wecom-api/reply-text';
import { rethrowAsDeliveryFailed } from './wxa-api-error';
import { ticketCardValues } from './ticket-card';
import { WXA_CHANNEL, WxaChannel } from './wxa-channel';

/**
 * Replies to mini-program users through the customer-service message API (客服消息, message/custom/send), as text
 * with choices as numbered lines. WeChat allows five such messages within 48 hours of the user's last message (two
 * within a minute of opening the chat); beyond that it answers 45015 / 45047, which are final. A reply that is news
 * of a ticket then goes as a subscribe message (订阅消息, WXA_TICKET_TEMPLATE_ID) if the user allowed one in the
 * mini-program; without that allowance (43101) or a template, it goes to the dead letters as before.
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
    try {
      for (const content of splitForPlatform(withNumberedChoices(message.text, message.quickReplies))) {
        await this.wxa.api.post(
          '/cgi-bin/message/custom/send',
          { touser: message.contact.address, msgtype: 'text', text: { content } },
          z.object({}),
        );
      }
    } catch (error) {
      const templateId = this.wxa.settings.templates.ticketProgress;
      if (message.ticket && templateId && isWindowClosed(error)) {
        return this.sendTicketCard(this.wxa, message, message.ticket, templateId);
      }
      rethrowAsDeliveryFailed(error);
    }
    // custom/send answers no message id.
    return {};
  }

  private async sendTicketCard(
    wxa: WxaChannel,
    message: OutboundMessage,
    ticket: NonNullable<OutboundMessage['ticket']>,
    templateId: string,
  ): Promise<{ platformMessageId?: string }> {
    const values = ticketCardValues(ticket, message.text, wxa.settings.ticketCardFields);
    try {
      const { msgid } = await wxa.subscribeMessages.send(message.contact.address, templateId, values);
      return msgid ? { platformMessageId: `subscribe:${msgid}` } : {};
    } catch (error) {
      // A value that breaks its template key's rule (WXA_TICKET_TEMPLATE_FIELDS does not fit the template): final.
      if (error instanceof DomainError) throw new DeliveryFailed(error.message, false, 'template_fields');
      rethrowAsDeliveryFailed(error);
    }
  }
}

/** 45015: the 48 hours since the user's last message are over; 45047: the five replies they allow are spent. */
function isWindowClosed(error: unknown): boolean {
  return error instanceof WxaApiError && (error.errcode === 45015 || error.errcode === 45047);
}
