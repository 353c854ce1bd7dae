import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { REDIS } from '@libs/common/redis/redis.module';
import { WeComApiClient } from '@libs/common/vendors/wecom/wecom-api-client';
import { WeComApiError, wecomFailureVerdict } from '@libs/common/vendors/wecom/wecom-api-error';
import { AlertDeliveries, ClaimedRecipient } from './alert-deliveries';
import { AlertTexts } from './alert-texts';
import { BatchOutcome, BatchToRetry } from './batch-outcome';
import { FAN_OUT_SETTINGS, FanOutSettings } from './fan-out-settings';
import { SendBatch } from './send-batches';
import { refusedUserIds, WeComSendAnswer } from './wecom-send-answer';

/** message/send takes 2,048 bytes of text: 600 characters stay under it even when every one is three bytes. */
const TEXT_MAX_CHARS = 600;

/**
 * Staff alerts through the WeCom self-built app: the batch's members (up to 1,000) in one message/send, their userids
 * joined by `|`, the full text with its link (a member's WeCom may open links, unlike an SMS parameter). The members
 * WeCom names in `invaliduser` / `unlicenseduser` are failed alone; the others are sent. A failure of the whole call
 * is retried while WeCom says "not now", else failed with its errcode.
 */
@Injectable()
export class WeComAlertSender {
  private readonly api: WeComApiClient | undefined;

  constructor(
    private readonly deliveries: AlertDeliveries,
    private readonly texts: AlertTexts,
    private readonly cipher: FieldCipher,
    @Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings,
    @Inject(REDIS) redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.api = settings.wecom ? new WeComApiClient(settings.wecom, redis) : undefined;
  }

  async send(batch: SendBatch, claimed: ClaimedRecipient[], isLastAttempt: boolean): Promise<BatchOutcome> {
    const { alertId } = batch;
    const agentId = this.settings.wecom?.agentId;
    if (!this.api || agentId === undefined) {
      await this.deliveries.markFailed(
        alertId,
        claimed.map((one) => one.subscriberId),
        'wecom_off',
      );
      return { sent: 0, failed: claimed.length };
    }
    const subscriberByUserId = new Map<string, string>();
    const unreadable: string[] = [];
    for (const recipient of claimed) {
      const userId = this.cipher.tryDecrypt(recipient.addressCipher);
      if (userId) subscriberByUserId.set(userId, recipient.subscriberId);
      else unreadable.push(recipient.subscriberId);
    }
    await this.deliveries.markFailed(alertId, unreadable, 'bad_address');
    if (subscriberByUserId.size === 0) return { sent: 0, failed: unreadable.length };
    const content = await this.texts.textFor(alertId, {
      lang: batch.lang,
      elderMode: batch.elderMode,
      withLink: true,
      maxChars: TEXT_MAX_CHARS,
    });
    const body = {
      touser: [...subscriberByUserId.keys()].join('|'),
      msgtype: 'text',
      agentid: agentId,
      text: { content },
    };
    let answer: WeComSendAnswer;
    try {
      answer = await this.api.post('/cgi-bin/message/send', body, WeComSendAnswer);
    } catch (error) {
      const subscriberIds = [...subscriberByUserId.values()];
      if (!(error instanceof WeComApiError)) {
        await this.deliveries.release(alertId, subscriberIds, 'error');
        throw error;
      }
      const code = error.errcode === undefined ? error.failure : String(error.errcode);
      const verdict = wecomFailureVerdict(error);
      if (verdict.retryable && !isLastAttempt) {
        await this.deliveries.release(alertId, subscriberIds, code);
        throw new BatchToRetry(code, verdict.retryAfterMs);
      }
      await this.deliveries.markFailed(alertId, subscriberIds, code);
      this.logger.error({ alertId, code, count: subscriberIds.length }, 'alert wecom batch failed');
      return { sent: 0, failed: subscriberIds.length + unreadable.length };
    }
    const refused = refusedUserIds(answer);
    const byCode = new Map<string, string[]>();
    const accepted: Array<{ subscriberId: string; vendorMessageId: string | null }> = [];
    for (const [userId, subscriberId] of subscriberByUserId) {
      const code = refused.get(userId);
      if (code === undefined)
        accepted.push({ subscriberId, vendorMessageId: answer.msgid ? `wecom:${answer.msgid}` : null });
      else byCode.set(code, [...(byCode.get(code) ?? []), subscriberId]);
    }
    await this.deliveries.markSent(alertId, accepted);
    for (const [code, subscriberIds] of byCode) await this.deliveries.markFailed(alertId, subscriberIds, code);
    const failed = subscriberByUserId.size - accepted.length;
    this.logger.debug({ alertId, sent: accepted.length, refused: failed }, 'alert wecom batch sent');
    return { sent: accepted.length, failed: failed + unreadable.length };
  }
}
