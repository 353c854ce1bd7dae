import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { Clock } from '@libs/common/time/clock';
import { headlineRatings } from '../cap/alert-priority';
import { AlertTargeting } from '../targeting/alert-targeting';
import { AlertDeliveries, AlertToFanOut } from './alert-deliveries';
import { AlertJobs } from './alert-jobs';
import { FAN_OUT_SETTINGS, FanOutSettings } from './fan-out-settings';
import { QueuedRecipient, sendBatches } from './send-batches';

/** Recipients written and queued per step: sending starts while the rest are still being written. */
const STEP = 20_000;

/**
 * An accepted alert → one delivery row per recipient, then send jobs for them. An Alert or Update goes to whoever
 * its areas reach (an Update first supersedes what the alerts it replaces still had queued); a Cancel goes to whoever
 * already got what it withdraws. Only Actual alerts reach the public (CAP: Test and Exercise are for designated
 * recipients, Draft for no one). Run again after a crash, it adds only the rows that are missing.
 */
@Injectable()
export class FanOutAlert {
  constructor(
    private readonly deliveries: AlertDeliveries,
    private readonly targeting: AlertTargeting,
    private readonly jobs: AlertJobs,
    private readonly clock: Clock,
    @Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(alertId: string): Promise<{ targeted: number }> {
    const alert = await this.deliveries.alert(alertId);
    if (!alert || alert.fannedOut) return { targeted: 0 };
    const startedAt = this.clock.now();
    let targeted = 0;
    let queued = 0;
    const took = { selectMs: 0, writeMs: 0, jobsMs: 0 };
    let since = Date.now();
    const lap = (part: keyof typeof took) => {
      took[part] += Date.now() - since;
      since = Date.now();
    };
    // Page by page: a province's million recipients are never all in memory, and sending starts with the first page.
    for await (const step of this.recipientsOf(alert, startedAt)) {
      lap('selectMs');
      targeted += step.length;
      queued += await this.deliveries.insertQueued(alertId, step);
      lap('writeMs');
      await this.jobs.send(sendBatches(alertId, step, this.settings.batchSize), alert.priority);
      lap('jobsMs');
    }
    lap('selectMs');
    await this.deliveries.markFannedOut(alertId, targeted);
    this.logger.info(
      {
        alertId,
        msgType: alert.msgType,
        targeted,
        queued,
        ...took,
        queuedMs: this.clock.now().getTime() - startedAt.getTime(),
      },
      'alert fanned out',
    );
    return { targeted };
  }

  private async *recipientsOf(alert: AlertToFanOut, now: Date): AsyncGenerator<QueuedRecipient[]> {
    const isForThePublic = alert.status === 'Actual' && ['Alert', 'Update', 'Cancel'].includes(alert.msgType);
    if (!isForThePublic) return;
    if (alert.msgType === 'Cancel') {
      const reached = await this.deliveries.reachedBeforeCancel(alert.id);
      for (let start = 0; start < reached.length; start += STEP) yield reached.slice(start, start + STEP);
      return;
    }
    if (alert.state === 'cancelled') return;
    if (alert.msgType === 'Update') await this.deliveries.supersedeQueued(alert.id);
    const areas = alert.infos.flatMap((info) => info.areas);
    yield* this.targeting.recipientPages(areas, { alert: headlineRatings(alert.infos), now }, STEP);
  }
}
