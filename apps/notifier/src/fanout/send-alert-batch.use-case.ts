import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { SmsVendorFailure } from '@libs/common/vendors/sms/sms-vendor-failure';
import { AlertDeliveries, ClaimedRecipient } from './alert-deliveries';
import { AlertTexts } from './alert-texts';
import { BatchOutcome, BatchToRetry } from './batch-outcome';
import { FAN_OUT_SETTINGS, FanOutSettings } from './fan-out-settings';
import { SendBatch } from './send-batches';
import { WeComAlertSender } from './wecom-alert-sender';
import { WxaAlertSender } from './wxa-alert-sender';

/**
 * One send job: claim the batch's recipients still queued (queued → sent, so a Cancel committed before stops them and
 * a second run of the job finds nothing), decrypt their addresses only now, send the one text to all of them in one
 * vendor request, and settle each row. A transient failure puts the rows back to queued and throws for a retry with
 * backoff; on the last attempt, or for a refusal no retry can fix, the rows are failed with the vendor's code. SMS
 * is sent here; WeCom (one message/send for the batch) and the mini-program (one subscribe message per openid) by
 * their senders, the same way.
 */
@Injectable()
export class SendAlertBatch {
  constructor(
    private readonly deliveries: AlertDeliveries,
    private readonly texts: AlertTexts,
    private readonly cipher: FieldCipher,
    private readonly wecom: WeComAlertSender,
    private readonly wxa: WxaAlertSender,
    @Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(batch: SendBatch, isLastAttempt: boolean): Promise<BatchOutcome> {
    const claimed = await this.deliveries.claim(batch.alertId, batch.subscriberIds);
    if (claimed.length === 0) return { sent: 0, failed: 0 };
    try {
      return await this.sendClaimed(batch, claimed, isLastAttempt);
    } catch (error) {
      // Whatever the failure left sending goes back to queued now, for the retry, not after the sweep's 5 minutes.
      await this.deliveries.release(batch.alertId, ids(claimed), 'error');
      throw error;
    }
  }

  private sendClaimed(batch: SendBatch, claimed: ClaimedRecipient[], isLastAttempt: boolean): Promise<BatchOutcome> {
    if (batch.channel === 'wecom') return this.wecom.send(batch, claimed, isLastAttempt);
    if (batch.channel === 'wxa') return this.wxa.send(batch, claimed, isLastAttempt);
    if (!this.settings.sms) return this.smsOff(batch, claimed);
    return this.sendSms(batch, claimed, this.settings.sms, isLastAttempt);
  }

  /** SMS is off by config: the rows say so rather than wait for ever. */
  private async smsOff(batch: SendBatch, claimed: ClaimedRecipient[]): Promise<BatchOutcome> {
    await this.deliveries.markFailed(batch.alertId, ids(claimed), 'sms_off');
    return { sent: 0, failed: claimed.length };
  }

  private async sendSms(
    batch: SendBatch,
    claimed: ClaimedRecipient[],
    sms: NonNullable<FanOutSettings['sms']>,
    isLastAttempt: boolean,
  ): Promise<BatchOutcome> {
    const { alertId } = batch;
    const text = await this.texts.textFor(alertId, {
      lang: batch.lang,
      elderMode: batch.elderMode,
      withLink: false,
      maxChars: sms.vendor.paramMaxChars,
    });
    const subscriberByPhone = new Map<string, string>();
    const unreadable: string[] = [];
    for (const recipient of claimed) {
      const phone = e164(this.cipher.tryDecrypt(recipient.addressCipher));
      if (phone) subscriberByPhone.set(phone, recipient.subscriberId);
      else unreadable.push(recipient.subscriberId);
    }
    await this.deliveries.markFailed(alertId, unreadable, 'bad_address');
    if (subscriberByPhone.size === 0) return { sent: 0, failed: unreadable.length };
    const phoneNumbers = [...subscriberByPhone.keys()];
    this.logger.debug({ alertId, numbers: phoneNumbers.length, chars: text.length }, 'alert sms batch sending');
    let result;
    try {
      result = await sms.vendor.sendBulk({ phoneNumbers, signName: sms.signName, parameter: text, reference: alertId });
    } catch (error) {
      if (!(error instanceof SmsVendorFailure)) {
        await this.deliveries.release(alertId, phoneNumbers.map(subscriberOf(subscriberByPhone)), 'error');
        throw error;
      }
      const subscriberIds = phoneNumbers.map(subscriberOf(subscriberByPhone));
      if (error.kind === 'transient' && !isLastAttempt) {
        await this.deliveries.release(alertId, subscriberIds, error.code);
        throw new BatchToRetry(error.code, error.retryAfterMs);
      }
      await this.deliveries.markFailed(alertId, subscriberIds, error.code);
      this.logger.error(
        { alertId, code: error.code, kind: error.kind, count: subscriberIds.length },
        'alert sms batch failed',
      );
      return { sent: 0, failed: subscriberIds.length + unreadable.length };
    }
    const accepted = result.accepted.map((one) => ({
      subscriberId: subscriberOf(subscriberByPhone)(one.phoneNumber),
      vendorMessageId: `${sms.vendor.name}:${one.vendorMessageId}`,
    }));
    await this.deliveries.markSent(alertId, accepted);
    const retry = result.refused.filter((one) => one.kind === 'transient' && !isLastAttempt);
    const refused = result.refused.filter((one) => !retry.includes(one));
    for (const one of refused) {
      await this.deliveries.markFailed(alertId, [subscriberOf(subscriberByPhone)(one.phoneNumber)], one.code);
    }
    if (retry.length > 0) {
      await this.deliveries.release(
        alertId,
        retry.map((one) => subscriberOf(subscriberByPhone)(one.phoneNumber)),
        retry[0].code,
      );
      throw new BatchToRetry(retry[0].code);
    }
    this.logger.debug({ alertId, sent: accepted.length, refused: refused.length }, 'alert sms batch sent');
    return { sent: accepted.length, failed: refused.length + unreadable.length };
  }
}

const ids = (recipients: ClaimedRecipient[]) => recipients.map((recipient) => recipient.subscriberId);

const subscriberOf = (byPhone: ReadonlyMap<string, string>) => (phone: string) => {
  const id = byPhone.get(phone);
  if (!id) throw new Error('the vendor answered for a number not in the request');
  return id;
};

/** Subscribers' SMS addresses are stored as 11 mainland digits (subscriber-address.ts); the vendors take E.164. */
function e164(address: string | undefined): string | undefined {
  if (!address) return undefined;
  if (/^1[3-9]\d{9}$/.test(address)) return `+86${address}`;
  return /^\+[1-9]\d{6,14}$/.test(address) ? address : undefined;
}
