import type { Logger } from 'pino';
import { Channel } from '@libs/common/contracts/common-fields';
import { CallbackRejected } from './callback-rejected';

/**
 * Runs a callback's checks and logs a refusal with its reason before it becomes the 4xx answer: the reason and the
 * channel only, never the query, the body or anything decrypted.
 */
export async function loggingRejection<T>(logger: Logger, channel: Channel, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof CallbackRejected) logger.warn({ channel, reason: error.reason }, 'callback rejected');
    throw error;
  }
}
