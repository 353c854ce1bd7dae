import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { phoneBlindIndex } from '@libs/common/pii/phone-blind-index';
import { receiptForNotifier, receiptMessage } from './receipt-for-notifier';
import { SmsReceipt } from './sms-callback-bodies';

/**
 * Receipts for SMS the gateway did not send: on to the notifier (sms.receipts.v1), whose alert SMS go out on the same
 * vendor accounts and so report to the gateway's callback URL. Resolves once Kafka has them; rejects otherwise, and
 * the vendor pushes the batch again.
 */
@Injectable()
export class ForwardSmsReceipts {
  constructor(
    private readonly producer: EnvelopeProducer,
    private readonly blindIndex: BlindIndex,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(receipts: readonly SmsReceipt[]): Promise<void> {
    if (receipts.length === 0) return;
    const now = new Date();
    const traceId = traceContext.traceId();
    const payloads = receipts.map((receipt) =>
      receiptForNotifier(receipt, (phone) => phoneBlindIndex(this.blindIndex, phone), now),
    );
    const messages = payloads.flatMap((payload) => (payload ? [receiptMessage(payload, traceId, now)] : []));
    const unnamed = payloads.length - messages.length;
    if (unnamed > 0) this.logger.warn({ count: unnamed }, 'aliyun sms receipts without a usable number: not passed on');
    await this.producer.send(messages);
    this.logger.debug({ count: messages.length }, 'sms receipts passed on to the notifier');
  }
}
