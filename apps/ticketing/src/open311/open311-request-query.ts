import { z } from 'zod';
import { TICKET_STATUSES, TicketStatus } from '../tickets/ticket-lifecycle';
import { InvalidOpen311Input } from './open311-errors';
import { open311Status } from './open311-request-view';
import { OPEN311_SERVICES } from './open311-services';

/** The spec's volume: at most 90 days and 1,000 requests per query. */
export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 24 * 3600_000;

export type Open311RequestQuery =
  { ticketNos: string[] } | { from: Date; to: Date; categories?: string[]; statuses?: TicketStatus[] };

/** A field sent several times (?status=open&status=closed) or comma-delimited (?status=open,closed): one list. */
const list = (field: string) =>
  z.union([z.string(), z.array(z.string())], { error: `${field} 应为以逗号分隔的列表` }).transform((value) =>
    [value]
      .flat()
      .flatMap((item) => item.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const w3cDateTime = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} 应为带时区的 W3C 日期时间，例如 2026-11-01T00:00:00+08:00` })
    .transform((text) => new Date(text));

const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);
const ById = z.object({ service_request_id: z.preprocess(blankAsMissing, list('service_request_id').optional()) });
const QueryFields = z.object({
  service_code: z.preprocess(blankAsMissing, list('service_code').optional()),
  status: z.preprocess(blankAsMissing, list('status').optional()),
  start_date: z.preprocess(blankAsMissing, w3cDateTime('start_date').optional()),
  end_date: z.preprocess(blankAsMissing, w3cDateTime('end_date').optional()),
});

/**
 * GET Service Requests' filters. service_request_id overrides the others; otherwise requests made between
 * start_date and end_date, at most 90 days apart: the last 90 days when neither is given, 90 days from or up to the
 * one given.
 */
export function requestQuery(raw: unknown, now: Date): Open311RequestQuery {
  const ids = parsedOrInvalid(ById, raw).service_request_id ?? [];
  if (ids.length > MAX_REQUESTS) throw new InvalidOpen311Input([`service_request_id 一次最多查询 ${MAX_REQUESTS} 个`]);
  if (ids.length > 0) return { ticketNos: ids };
  const fields = parsedOrInvalid(QueryFields, raw);
  const problems: string[] = [];
  const unknownCodes = (fields.service_code ?? []).filter(
    (code) => !OPEN311_SERVICES.some((service) => service.code === code),
  );
  if (unknownCodes.length > 0) problems.push(`未知的 service_code：${unknownCodes.join('、')}`);
  const unknownStatuses = (fields.status ?? []).filter((status) => status !== 'open' && status !== 'closed');
  if (unknownStatuses.length > 0) problems.push('status 只能是 open 或 closed');
  const span = MAX_SPAN_DAYS * DAY_MS;
  const to = fields.end_date ?? (fields.start_date ? new Date(fields.start_date.getTime() + span) : now);
  const from = fields.start_date ?? new Date(to.getTime() - span);
  if (from > to) problems.push('start_date 不能晚于 end_date');
  else if (to.getTime() - from.getTime() > span)
    problems.push(`start_date 与 end_date 相隔不能超过 ${MAX_SPAN_DAYS} 天`);
  if (problems.length > 0) throw new InvalidOpen311Input(problems);
  const codes = fields.service_code ?? [];
  const statuses = fields.status ?? [];
  return {
    from,
    to,
    ...(codes.length > 0
      ? { categories: OPEN311_SERVICES.filter((service) => codes.includes(service.code)).map((s) => s.category) }
      : {}),
    ...(statuses.length > 0
      ? { statuses: TICKET_STATUSES.filter((status) => statuses.includes(open311Status(status))) }
      : {}),
  };
}

function parsedOrInvalid<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new InvalidOpen311Input([...new Set(parsed.error.issues.map((issue) => issue.message))]);
  return parsed.data;
}
