import type { Express, NextFunction, Request, Response } from 'express';
import express from 'express';
import { Histogram } from 'prom-client';
import { newTraceId, traceContext } from '../logging/trace-context';

const httpSeconds = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
});

const TRACE_HEADER = 'x-trace-id';

/**
 * What every app's HTTP server does before Nest sees a request: a trace id (taken from X-Trace-Id or new, echoed
 * back), a metric per request, and JSON/XML bodies parsed with a size limit. Malformed or oversized bodies get a
 * readable 400/413 here, because body-parser errors never reach Nest's exception filters.
 */
export function installHttpBasics(server: Express, options: { bodyLimit: string }): void {
  server.disable('x-powered-by');
  server.use((request: Request, response: Response, next: NextFunction) => {
    const incoming = request.header(TRACE_HEADER);
    const traceId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : newTraceId();
    response.setHeader(TRACE_HEADER, traceId);
    const stopTimer = httpSeconds.startTimer({ method: request.method });
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stopTimer({ route, status: String(response.statusCode) });
    });
    traceContext.run({ traceId }, next);
  });
  server.use(express.json({ limit: options.bodyLimit }));
  server.use(express.text({ limit: options.bodyLimit, type: ['application/xml', 'text/xml', 'application/*+xml'] }));
  // HTML forms and Open311 GeoReport v2 POST: flat fields only (no qs nesting), a repeated field becomes a list.
  server.use(express.urlencoded({ extended: false, limit: options.bodyLimit, parameterLimit: 100 }));
  server.use((error: { type?: string; status?: number }, _request: Request, response: Response, next: NextFunction) => {
    if (!error?.type) return next(error);
    const traceId = traceContext.traceId();
    if (error.type === 'entity.too.large') {
      return response
        .status(413)
        .json({ statusCode: 413, error: 'too_large', message: `请求体过大（上限 ${options.bodyLimit}）`, traceId });
    }
    if (error.type === 'entity.parse.failed') {
      return response
        .status(400)
        .json({ statusCode: 400, error: 'invalid', message: '请求体不是合法的 JSON', traceId });
    }
    return response
      .status(error.status ?? 400)
      .json({ statusCode: error.status ?? 400, error: 'invalid', message: '无法读取请求体', traceId });
  });
}
