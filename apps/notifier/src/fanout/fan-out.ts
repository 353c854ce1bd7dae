import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { AlertDeliveries } from './alert-deliveries';
import { AlertJobs, FAN_OUT_CHANNELS } from './alert-jobs';
import { FAN_OUT_SETTINGS, FanOutChannel, FanOutSettings } from './fan-out-settings';
import { sendBatches } from './send-batches';

const SWEEP_ROWS = 50_000;
const SWEEP_ALERTS = 100;
/** A claim unanswered this long was left by a worker that died: every vendor call gives up well before. */
const UNCONFIRMED_AFTER_MS = 5 * 60_000;

/**
 * What the rest of the notifier asks of the fan-out: start an accepted alert's fan-out (a Cancel's too: it sends the
 * cancellation to whoever got what it withdraws; its queued deliveries were stopped when it was accepted), and, on a
 * timer, a sweep that finds what Redis or a dead worker lost: alerts never fanned out, deliveries claimed but never
 * answered (queued again), and queued deliveries whose channel queue holds no job any more (Redis restarted or
 * flushed); it also applies receipts that came before their delivery had its vendor id. Postgres is the truth:
 * re-queued rows are claimed like any other, so a sweep that overlaps a live job sends nothing twice.
 */
@Injectable()
export class FanOut implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: AlertJobs,
    private readonly deliveries: AlertDeliveries,
    @Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Never throws: the alert is stored, and if Redis is away now the sweep starts its fan-out later. */
  async start(alertId: string): Promise<void> {
    try {
      const alert = await this.deliveries.alert(alertId);
      if (!alert || alert.fannedOut) return;
      await this.jobs.fanOut(alertId, alert.priority);
    } catch (error) {
      this.logger.error({ err: error, alertId }, 'alert fan-out not started; the sweep starts it');
    }
  }

  onApplicationBootstrap(): void {
    if (this.settings.sweepEveryMs <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error) => this.logger.error({ err: error }, 'alert sweep failed'));
    }, this.settings.sweepEveryMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<{ fanOuts: number; unconfirmed: number; requeued: number; earlyReceipts: number }> {
    const unfinished = await this.deliveries.unfinishedFanOuts(SWEEP_ALERTS);
    for (const alertId of unfinished) await this.start(alertId);
    const idle: FanOutChannel[] = [];
    for (const channel of FAN_OUT_CHANNELS) if ((await this.jobs.pendingIn(channel)) === 0) idle.push(channel);
    const unconfirmed = await this.deliveries.requeueUnconfirmed(UNCONFIRMED_AFTER_MS);
    const earlyReceipts = await this.deliveries.applyEarlyReceipts();
    let requeued = 0;
    if (idle.length > 0) {
      const due = (await this.deliveries.dueQueued(SWEEP_ROWS)).filter((row) => idle.includes(row.channel));
      const byAlert = new Map<string, typeof due>();
      for (const row of due) {
        const rows = byAlert.get(row.alertId) ?? [];
        rows.push(row);
        byAlert.set(row.alertId, rows);
      }
      for (const [alertId, rows] of byAlert) {
        await this.jobs.send(sendBatches(alertId, rows, this.settings.batchSize), rows[0].priority);
        requeued += rows.length;
      }
    }
    if (unfinished.length > 0 || unconfirmed > 0 || requeued > 0) {
      this.logger.warn(
        { fanOuts: unfinished.length, unconfirmed, requeued },
        'alert sweep picked up what the queues or a worker lost',
      );
    }
    if (earlyReceipts > 0) this.logger.info({ earlyReceipts }, 'sms receipts applied that came before their send');
    return { fanOuts: unfinished.length, unconfirmed, requeued, earlyReceipts };
  }
}
