import { KafkaDevBroker, startKafkaDevBroker } from './kafka-dev-broker';
import { PostgresServer, startPostgres } from './postgres-server';
import { RedisServer, startRedis } from './redis-server';

export interface InfrastructurePorts {
  postgres: number;
  redis: number;
  kafka: number;
}

export interface Infrastructure {
  postgres: PostgresServer;
  redis: RedisServer;
  kafka: KafkaDevBroker;
  stop(): Promise<void>;
}

/** Postgres, Redis and the dev Kafka broker, as real servers, with their data in one folder. */
export async function startInfrastructure(options: {
  dataDir: string;
  cacheDir: string;
  ports: InfrastructurePorts;
  isThrowaway: boolean;
  extraTopics?: string[];
  log: (line: string) => void;
}): Promise<Infrastructure> {
  const started: Array<{ stop(): Promise<void> }> = [];
  const stop = async () => {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
  };
  try {
    const postgres = await startPostgres({ ...options, port: options.ports.postgres });
    started.push(postgres);
    const redis = await startRedis({ ...options, port: options.ports.redis });
    started.push(redis);
    const kafka = await startKafkaDevBroker({ ...options, port: options.ports.kafka });
    started.push(kafka);
    return { postgres, redis, kafka, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
