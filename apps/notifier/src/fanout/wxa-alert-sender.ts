import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { Logger } from 'pino';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { REDIS } from '@libs/common/redis/redis.module';
import { WeComApiError, wecomFailureVerdict } from '@libs/common/vendors/wecom/wecom-api-error';
import { WxaApiClient } from '@libs/common/vendors/wxa/wxa-api-client';
import { WxaApiError, wxaFailureVerdict } from '@libs/common/vendors/wxa/wxa-api-error';
import { WxaSubscribeMessages } from '@libs/common/vendors/wxa/wxa-subscribe-messages';
import { AlertDeliveries, ClaimedRecipient } from './alert-deliveries';
import { AlertTexts } from './alert-texts';
import { BatchOutcome, BatchToRetry } from './batch-outcome';
import { FAN_OUT_SETTINGS, FanOutSettings } from './fan-out-settings';
import { SendBatch } from './send-batches';

/**
 * Citizens' alerts as mini-program subscribe messages (订阅消息): one subscribe/send per openid with the alert
 * template (WXA_ALERT_TEMPLATE_ID) and the card values ALERT_WXA_TEMPLATE_FIELDS names. Each agreement in the
 * mini-program allows one message: 43101 (none left, or never given) fails that row with the code, never retried,
 * as are the other final codes; "not now" codes put the row back for a retry with backoff.
 */
@Injectable()
export class WxaAlertSender {
  private readonly messages: WxaSubscribeMessages | undefined;

  constructor(
    private readonly deliveries: AlertDeliveries,
    private readonly texts: AlertTexts,
    private readonly cipher: FieldCipher,
    @Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings,
    @Inject(REDIS) redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const wxa = settings.wxa;
    this.messages = wxa ? new WxaSubscribeMessages(new WxaApiClient(wxa, redis), { alert: wxa.templateId }) : undefined;
  }

  async send(batch: SendBatch, claimed: ClaimedRecipient[], isLastAttempt: boolean): Promise<BatchOutcome> {
    const { alertId } = batch;
    const wxa = this.settings.wxa;
    if (!this.messages || !wxa) {
      await this.deliveries.markFailed(
        alertId,
        claimed.map((one) => one.subscriberId),
        'wxa_off',
      );
      return { sent: 0, failed: claimed.length };
    }
    const values = await this.texts.cardFor(alertId, batch.lang, wxa.fields);
    let sent = 0;
    let failed = 0;
    let retry: { code: string; retryAfterMs?: number } | undefined;
    for (const recipient of claimed) {
      const openid = this.cipher.tryDecrypt(recipient.addressCipher);
      if (!openid) {
        await this.deliveries.markFailed(alertId, [recipient.subscriberId], 'bad_address');
        failed += 1;
        continue;
      }
      let msgid: string | undefined;
      try {
        ({ msgid } = await this.messages.send(openid, wxa.templateId, values));
      } catch (error) {
        const verdict = verdictOf(error);
        if (!verdict) {
          await this.deliveries.release(alertId, [recipient.subscriberId], 'error');
          throw error;
        }
        if (verdict.retryable && !isLastAttempt) {
          await this.deliveries.release(alertId, [recipient.subscriberId], verdict.code);
          retry ??= verdict;
          continue;
        }
        await this.deliveries.markFailed(alertId, [recipient.subscriberId], verdict.code);
        failed += 1;
        this.logger.warn({ alertId, code: verdict.code }, 'alert subscribe message not sent');
        continue;
      }
      // Outside the try: a database failure here is not the platform's refusal. The job fails and its rows still
      // sending are released, so this one may go twice: at least once, as everywhere in the fan-out.
      await this.deliveries.markSent(alertId, [
        { subscriberId: recipient.subscriberId, vendorMessageId: msgid ? `wxa:${msgid}` : null },
      ]);
      sent += 1;
    }
    if (retry) throw new BatchToRetry(retry.code, retry.retryAfterMs);
    return { sent, failed };
  }
}

/** A failure this sender can judge, with the code its row keeps; undefined for anything else (rethrown). */
function verdictOf(error: unknown): { code: string; retryable: boolean; retryAfterMs?: number } | undefined {
  if (error instanceof WxaApiError) {
    return { code: error.errcode === undefined ? error.failure : String(error.errcode), ...wxaFailureVerdict(error) };
  }
  // The shared token cache gave up waiting for another process's refresh: retryable.
  if (error instanceof WeComApiError) return { code: error.failure, ...wecomFailureVerdict(error) };
  // A card value breaks its template key's rule (ALERT_WXA_TEMPLATE_FIELDS does not fit the template): final.
  if (error instanceof DomainError) return { code: 'template_fields', retryable: false };
  return undefined;
}
