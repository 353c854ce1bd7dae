import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { Logger } from 'pino';
import { traceContext } from '../logging/trace-context';
import { DomainError, HTTP_STATUS_OF_KIND } from './domain-error';

/**
 * The one door errors leave by. Domain errors become 400/401/403/404/409/422 with their readable message; Nest's
 * own HTTP errors keep their status; anything else is 500 with a trace id and no details. Never a stack trace.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    const traceId = traceContext.traceId();
    const { status, body } = this.describe(error);
    if (status >= 500) this.logger.error({ err: error }, 'request failed');
    if (response.headersSent) return;
    response.status(status).json({ statusCode: status, ...body, traceId });
  }

  private describe(error: unknown): { status: number; body: Record<string, unknown> } {
    if (error instanceof DomainError) {
      return {
        status: HTTP_STATUS_OF_KIND[error.kind],
        body: { error: error.kind, message: error.message, ...error.details },
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      const message = typeof raw === 'string' ? raw : ((raw as { message?: unknown }).message ?? error.message);
      const extra = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      return {
        status,
        body: { error: extra.error ?? error.name, message, ...(extra.issues ? { issues: extra.issues } : {}) },
      };
    }
    return { status: 500, body: { error: 'internal', message: '服务暂时出现问题，请稍后再试' } };
  }
}
