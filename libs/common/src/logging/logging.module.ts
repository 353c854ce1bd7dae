import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';

/** Injection token of the app's pino logger: `@Inject(LOGGER) private readonly logger: Logger`. */
export const LOGGER = Symbol('LOGGER');

@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggingModule, providers: [{ provide: LOGGER, useValue: logger }], exports: [LOGGER] };
  }
}
