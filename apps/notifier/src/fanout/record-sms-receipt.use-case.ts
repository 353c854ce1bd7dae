import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { SmsReceiptV1 } from '@libs/common/contracts/sms-receipts.v1';
import { LOGGER } from '@libs/common/logging/logging.module';
import { AlertDeliveries } from './alert-deliveries';
import { receiptOutcome } from './sms-receipt-outcome';

/**
 * A carrier's receipt for an alert SMS, passed on by the gateway: the delivery it names goes from sent to delivered
 * or failed. A receipt for an id no delivery has is kept an hour: it may have come before the vendor's answer to the
 * send was stored (the fan-out's sweep applies it then); most are for ids the notifier never sent (the gateway's own
 * replies after their Redis record expired, or another system on the same vendor account) and change nothing.
 */
@Injectable()
export class RecordSmsReceipt {
  constructor(
    private readonly deliveries: AlertDeliveries,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(receipt: SmsReceiptV1): Promise<void> {
    const outcome = receiptOutcome(receipt);
    const changed = await this.deliveries.recordReceipt(outcome);
    if (changed === 0) {
      this.logger.debug(
        { vendor: receipt.vendor, status: receipt.status },
        'sms receipt for no delivery still sent (kept if none has its id yet)',
      );
      return;
    }
    this.logger.debug({ vendor: receipt.vendor, status: receipt.status, rows: changed }, 'sms receipt recorded');
  }
}
