import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config/load-config';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { installHttpBasics } from '../http/http-basics';
import { EnvelopeKafkaServer } from '../kafka/envelope-kafka-server';
import { KAFKA } from '../kafka/kafka.module';
import { NestPinoLogger } from '../logging/nest-logger';

export interface AppStartSpec {
  module: DynamicModule;
  port: number;
  logger: Logger;
  /** Present when the app consumes Kafka topics through @EventPattern handlers. */
  consumer?: { groupId: string; maxWaitTimeInMs: number };
  /** App-specific wiring before listening: a WebSocket adapter, static pages. */
  configure?: (app: NestExpressApplication) => void;
  bodyLimit?: string;
}

/** The same start for every app: HTTP basics, the error filter, the Kafka consumer, shutdown on SIGTERM/SIGINT. */
export async function startApp(spec: AppStartSpec): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(spec.module, {
    logger: new NestPinoLogger(spec.logger),
    bodyParser: false,
    abortOnError: false,
  });
  installHttpBasics(app.getHttpAdapter().getInstance(), { bodyLimit: spec.bodyLimit ?? '64kb' });
  app.useGlobalFilters(new HttpErrorFilter(spec.logger));
  app.enableShutdownHooks();
  spec.configure?.(app);
  if (spec.consumer) {
    const strategy = new EnvelopeKafkaServer({
      kafka: app.get<Kafka>(KAFKA),
      logger: spec.logger,
      ...spec.consumer,
    });
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(spec.port);
  spec.logger.info({ port: spec.port }, 'listening');
  return app;
}

/** Reads the app's configuration or stops the process with one line per bad variable. */
export function configOrExit<S extends z.ZodType>(app: string, schema: S): z.infer<S> {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${app} cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

/** Runs an app's main and turns start-up failures into a clear last line and exit code 1. */
export function runMain(app: string, main: () => Promise<unknown>): void {
  main().catch((error: NodeJS.ErrnoException) => {
    const reason =
      error?.code === 'EADDRINUSE'
        ? `port ${(error as { port?: number }).port ?? ''} is already in use`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`${app} cannot start: ${reason}\n`);
    process.exit(1);
  });
}
