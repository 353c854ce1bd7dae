import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { Clock } from '@libs/common/time/clock';
import { ReminderJobs } from './reminder-jobs';
import { REMINDER_SETTINGS, ReminderSettings } from './reminder-settings';
import { Reminders } from './reminders';

/** Rows looked at per sweep, soonest due first; the rest wait for the next sweep. */
const SWEEP_ROWS = 1_000;

/**
 * Postgres says what is still to send; Redis only when. At start and then every REMINDER_SWEEP_EVERY_MS, each
 * scheduled reminder without a job (Redis restarted or flushed, or it was down when the reminder was asked for, or
 * its job gave up) gets one again, and one whose time has come by the database's clock but whose job still waits
 * (a job computed on a clock that was wrong, a due time changed in the table) runs now.
 */
@Injectable()
export class ReminderSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reminders: Reminders,
    private readonly jobs: ReminderJobs,
    private readonly clock: Clock,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.sweep().catch((error) => this.logger.error({ err: error }, 'reminder sweep failed'));
    };
    run();
    if (this.settings.sweepEveryMs <= 0) return;
    this.timer = setInterval(run, this.settings.sweepEveryMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<{ rescheduled: number; runNow: number }> {
    const now = this.clock.now().getTime();
    let rescheduled = 0;
    let runNow = 0;
    for (const { id, dueAt } of await this.reminders.allScheduled(SWEEP_ROWS)) {
      const state = await this.jobs.stateOf(id);
      if (state === 'none') {
        await this.jobs.schedule(id, dueAt, now);
        rescheduled += 1;
      } else if (state === 'delayed' && dueAt.getTime() <= now) {
        await this.jobs.runNow(id);
        runNow += 1;
      }
    }
    if (rescheduled > 0 || runNow > 0) {
      this.logger.warn({ rescheduled, runNow }, 'reminder sweep picked up what the queue lost or held back');
    }
    return { rescheduled, runNow };
  }
}
