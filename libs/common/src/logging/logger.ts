import pino, { Logger } from 'pino';
import { redactText, redactValue } from './redact';
import { traceContext } from './trace-context';

export type { Logger } from 'pino';

/**
 * One JSON logger per process. Every line carries the app and the trace fields of the work in progress;
 * personal data is redacted before anything is written.
 */
export function createLogger(app: string, level = 'info'): Logger {
  return pino({
    level,
    base: { app },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => redactValue(fields) as Record<string, unknown>,
    },
    mixin: () => ({ ...traceContext.current() }),
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
        return method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  });
}
