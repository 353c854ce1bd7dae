import { randomBytes } from 'node:crypto';
import { createDatabase } from '../../tools/dev/postgres-server';

/** The servers `npm test` started, as the integration tests reach them. */
export function testInfrastructure() {
  const { TEST_POSTGRES_ADMIN_URL, REDIS_URL, KAFKA_BROKERS } = process.env;
  if (!TEST_POSTGRES_ADMIN_URL || !REDIS_URL || !KAFKA_BROKERS) {
    throw new Error('the test servers are not set: run the tests with `npm test`');
  }
  return {
    redisUrl: REDIS_URL,
    kafkaBrokers: KAFKA_BROKERS.split(','),
    /** A new, empty database on the test PostgreSQL. */
    freshDatabase: (prefix: string) =>
      createDatabase(TEST_POSTGRES_ADMIN_URL, `${prefix}_${randomBytes(6).toString('hex')}`),
  };
}
