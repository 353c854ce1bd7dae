import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { CONTENT_TYPE, formatNamed, render } from './open311-document';
import { errorAnswer } from './open311-errors';

/** Errors on /open311/v2 leave in the spec's format: XML when the path ends in .xml, else JSON. */
@Catch()
@Injectable()
export class Open311ErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, document } = errorAnswer(error);
    if (status >= 500) this.logger.error({ err: error }, 'open311 request failed');
    if (response.headersSent) return;
    const format = formatNamed(/\.(\w+)$/.exec(request.path)?.[1]) ?? 'json';
    response.status(status).type(CONTENT_TYPE[format]).send(render(document, format));
  }
}
