import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { Logger } from 'pino';
import { z } from 'zod';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { LOGGER } from '@libs/common/logging/logging.module';
import { AcceptSmsUplink } from './accept-sms-uplink.use-case';
import { ForwardSmsReceipts } from './forward-sms-receipts.use-case';
import {
  ALIYUN_CALLBACK_ACK,
  AliyunReceiptBody,
  aliyunReceipts,
  AliyunUplinkBody,
  aliyunUplinks,
  Parsed,
  SmsReceipt,
  SmsUplink,
  TENCENT_CALLBACK_ACK,
  TencentReceiptBody,
  tencentReceipts,
  TencentUplinkBody,
  tencentUplinks,
} from './sms-callback-bodies';
import { SmsCallbackGuard } from './sms-callback.guard';
import { SmsDeliveryLog } from './sms-delivery-log';

/**
 * The vendors' SMS callbacks: citizens' replies (`inbound`) and delivery receipts (`status`), at the URLs given in the
 * vendor consoles, each ending in SMS_CALLBACK_SECRET. Entries of a batch are handled in order; if one cannot be taken
 * (Kafka down), the answer is an error and the vendor pushes the batch again, whose handled entries are then dropped
 * as duplicates. Receipts for SMS the gateway did not send (the notifier's alerts, on the same vendor accounts) are
 * passed on to the notifier.
 */
@Controller('channels/sms')
@UseGuards(SmsCallbackGuard)
export class SmsCallbacksController {
  constructor(
    private readonly acceptSmsUplink: AcceptSmsUplink,
    private readonly deliveries: SmsDeliveryLog,
    private readonly forwardReceipts: ForwardSmsReceipts,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('tencent/inbound/:secret')
  @HttpCode(200)
  async tencentInbound(@Body(new ZodPipe(TencentUplinkBody)) body: z.infer<typeof TencentUplinkBody>) {
    await this.acceptAll(tencentUplinks(body));
    return TENCENT_CALLBACK_ACK;
  }

  @Post('tencent/status/:secret')
  @HttpCode(200)
  async tencentStatus(@Body(new ZodPipe(TencentReceiptBody)) body: z.infer<typeof TencentReceiptBody>) {
    await this.recordAll(tencentReceipts(body));
    return TENCENT_CALLBACK_ACK;
  }

  @Post('aliyun/inbound/:secret')
  @HttpCode(200)
  async aliyunInbound(@Body(new ZodPipe(AliyunUplinkBody)) body: z.infer<typeof AliyunUplinkBody>) {
    await this.acceptAll(aliyunUplinks(body));
    return ALIYUN_CALLBACK_ACK;
  }

  @Post('aliyun/status/:secret')
  @HttpCode(200)
  async aliyunStatus(@Body(new ZodPipe(AliyunReceiptBody)) body: z.infer<typeof AliyunReceiptBody>) {
    await this.recordAll(aliyunReceipts(body));
    return ALIYUN_CALLBACK_ACK;
  }

  private async acceptAll(uplinks: Parsed<SmsUplink>): Promise<void> {
    if (uplinks.skipped > 0)
      this.logger.warn({ skipped: uplinks.skipped }, 'sms uplinks without a usable number or text');
    for (const uplink of uplinks.items) await this.acceptSmsUplink.execute(uplink);
  }

  private async recordAll(receipts: Parsed<SmsReceipt>): Promise<void> {
    const notOurs: SmsReceipt[] = [];
    for (const receipt of receipts.items) {
      if ((await this.deliveries.recordReceipt(receipt)) === 'unknown') notOurs.push(receipt);
    }
    await this.forwardReceipts.execute(notOurs);
  }
}
