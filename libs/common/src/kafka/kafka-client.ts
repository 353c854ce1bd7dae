import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from 'pino';

const levelName: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** One kafkajs client per process, logging through the app's JSON logger. */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
        kafkaLogger[levelName[level] ?? 'info'](fields, message);
      },
  });
}
