import { z } from 'zod';

/** The reminders' part of the notifier's configuration. */
export const reminderConfigFields = {
  // How often the notifier looks in Postgres for reminders whose BullMQ job Redis lost, or that are due now.
  REMINDER_SWEEP_EVERY_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
};

export interface ReminderSettings {
  redisUrl: string;
  /** 0: no timer (the sweep still runs once at start). */
  sweepEveryMs: number;
}

export const REMINDER_SETTINGS = Symbol('REMINDER_SETTINGS');

export function reminderSettingsOf(config: { REDIS_URL: string; REMINDER_SWEEP_EVERY_MS: number }): ReminderSettings {
  return { redisUrl: config.REDIS_URL, sweepEveryMs: config.REMINDER_SWEEP_EVERY_MS };
}
