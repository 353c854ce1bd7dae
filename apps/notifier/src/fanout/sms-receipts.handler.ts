import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SmsReceiptEventV1 } from '@libs/common/contracts/sms-receipts.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { RecordSmsReceipt } from './record-sms-receipt.use-case';

/** sms.receipts.v1: the carriers' receipts for alert SMS, from the gateway's vendor callbacks. */
@Controller()
export class SmsReceiptsHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly recordSmsReceipt: RecordSmsReceipt,
  ) {}

  @EventPattern(Topic.SmsReceiptsV1)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    return this.consumer.consume(ctx, raw, SmsReceiptEventV1, async (receipt) => {
      await this.recordSmsReceipt.execute(receipt.payload);
      return [];
    });
  }
}
