import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { ChannelSender, DeliveryFailed, OutboundMessage } from '../channel-sender';
import { isE164 } from '@libs/common/vendors/sms/phone-number';
import { SMS_SETTINGS, SmsSettings } from './sms-config';
import { SmsDeliveryLog } from './sms-delivery-log';
import {
  billedParts,
  nextParameter,
  parameterBudget,
  smsLength,
  smsReplyText,
  TEMPLATE_TEXT_ALLOWANCE,
} from './sms-text';
import { SMS_VENDORS, SmsVendor } from '@libs/common/vendors/sms/sms-vendor';
import { deliveryFailedAfter } from './sms-failover';
import { SmsVendorFailure, SmsVendorName } from '@libs/common/vendors/sms/sms-vendor-failure';

/**
 * Replies by SMS: the reply template with the text as its parameter, through the primary vendor and, when that one
 * cannot take a part right now (network, 5xx, throttle, or its own keys, sign or template), through the other one.
 * A reply longer than a parameter goes as several template SMS, each remembered once the vendor has it, so a retry
 * after a failure halfway resumes at the first part not sent. Each call sends one reply; retries, order and rate
 * limits are the outbound queue's.
 */
@Injectable()
export class SmsSender implements ChannelSender {
  readonly channel = 'sms' as const;

  constructor(
    @Inject(SMS_VENDORS) private readonly vendors: SmsVendor[],
    @Inject(SMS_SETTINGS) private readonly settings: SmsSettings,
    private readonly deliveries: SmsDeliveryLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async send(message: OutboundMessage): Promise<{ platformMessageId?: string }> {
    const signName = message.contact.account || this.settings.signName;
    if (this.vendors.length === 0 || !signName) {
      throw new DeliveryFailed('SMS is not configured in this gateway', false, 'sms_off');
    }
    if (!isE164(message.contact.address)) {
      throw new DeliveryFailed('the conversation has no mobile number in E.164', false, 'bad_address');
    }
    const chars = [...smsReplyText(message.text, message.quickReplies)];
    let sentUpTo = await this.deliveries.progressOf(message.messageId);
    let vendors = this.vendors;
    const sent: string[] = [];
    while (sentUpTo < chars.length) {
      const part = await this.sendNextPart(message, signName, chars.slice(sentUpTo).join(''), vendors);
      // The vendor that took a part goes first for the next one: a down primary costs one attempt, not one per part.
      vendors = [
        ...vendors.filter((vendor) => vendor.name === part.vendor),
        ...vendors.filter((vendor) => vendor.name !== part.vendor),
      ];
      sentUpTo += part.consumed;
      if (!part.vendorMessageId) continue;
      await this.deliveries.recordSent(message.messageId, part.vendor, part.vendorMessageId, sentUpTo);
      sent.push(`${part.vendor}:${part.vendorMessageId}`);
    }
    this.logger.info(
      { conversationId: message.conversationId, messageId: message.messageId, smsCount: sent.length },
      'sms reply sent',
    );
    return sent.length > 0 ? { platformMessageId: sent.join(',').slice(0, 500) } : {};
  }

  /** The next part through the first vendor that takes it; DeliveryFailed when none does. */
  private async sendNextPart(
    message: OutboundMessage,
    signName: string,
    rest: string,
    vendors: readonly SmsVendor[],
  ): Promise<{ vendor: SmsVendorName; vendorMessageId?: string; consumed: number }> {
    const failures: SmsVendorFailure[] = [];
    for (const vendor of vendors) {
      const { parameter, consumed } = nextParameter(rest, parameterBudget(signName, vendor.paramMaxChars));
      if (parameter === '') return { vendor: vendor.name, consumed };
      try {
        const { vendorMessageId } = await vendor.send({
          phoneNumber: message.contact.address,
          signName,
          parameter,
          reference: message.messageId,
        });
        this.logger.debug(
          {
            messageId: message.messageId,
            vendor: vendor.name,
            chars: smsLength(parameter),
            // Estimated: the registered template text is taken at its allowance.
            billedParts: billedParts(smsLength(parameter) + smsLength(signName) + 2 + TEMPLATE_TEXT_ALLOWANCE),
            isFailover: failures.length > 0,
          },
          'sms part sent',
        );
        return { vendor: vendor.name, vendorMessageId, consumed };
      } catch (error) {
        if (!(error instanceof SmsVendorFailure)) throw error;
        failures.push(error);
        this.logger.warn(
          {
            conversationId: message.conversationId,
            messageId: message.messageId,
            vendor: vendor.name,
            code: error.code,
            kind: error.kind,
          },
          'sms vendor did not take the message',
        );
        if (error.kind === 'recipient') break;
      }
    }
    throw deliveryFailedAfter(failures);
  }
}
