import { Lang } from '@libs/common/contracts/common-fields';
import { FanOutChannel } from './fan-out-settings';

/** What a send job carries: recipients who get the very same text through one vendor request, by id only. */
export interface SendBatch {
  alertId: string;
  channel: FanOutChannel;
  lang: Lang;
  elderMode: boolean;
  subscriberIds: string[];
  /** Not before this time (quiet hours); null: now. */
  sendAfter: string | null;
}

export interface QueuedRecipient {
  subscriberId: string;
  channel: FanOutChannel;
  lang: Lang;
  elderMode: boolean;
  sendAfter: Date | null;
}

/**
 * Recipients → send jobs: one per channel, language, elder mode and send time (the same text at the same moment, so
 * one vendor request), cut to the channel's batch size.
 */
export function sendBatches(
  alertId: string,
  recipients: Iterable<QueuedRecipient>,
  batchSize: Readonly<Record<FanOutChannel, number>>,
): SendBatch[] {
  const open = new Map<string, SendBatch>();
  const batches: SendBatch[] = [];
  for (const recipient of recipients) {
    const sendAfter = recipient.sendAfter ? recipient.sendAfter.toISOString() : null;
    const key = `${recipient.channel}|${recipient.lang}|${recipient.elderMode}|${sendAfter}`;
    let batch = open.get(key);
    if (!batch) {
      batch = {
        alertId,
        channel: recipient.channel,
        lang: recipient.lang,
        elderMode: recipient.elderMode,
        subscriberIds: [],
        sendAfter,
      };
      open.set(key, batch);
      batches.push(batch);
    }
    batch.subscriberIds.push(recipient.subscriberId);
    if (batch.subscriberIds.length >= batchSize[recipient.channel]) open.delete(key);
  }
  return batches;
}
