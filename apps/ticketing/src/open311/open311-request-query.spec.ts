import { InvalidOpen311Input } from './open311-errors';
import { requestQuery } from './open311-request-query';

const now = new Date('2026-11-26T02:00:00Z');
const days = (count: number) => count * 24 * 3600_000;

function problemsOf(raw: unknown): string[] {
  try {
    requestQuery(raw, now);
  } catch (error) {
    if (error instanceof InvalidOpen311Input) return error.problems;
    throw error;
  }
  throw new Error('expected the query to be refused');
}

describe('GET Service Requests filters', () => {
  it('default to the last 90 days, every service and status', () => {
    expect(requestQuery({}, now)).toEqual({ from: new Date(now.getTime() - days(90)), to: now });
    expect(requestQuery({ start_date: '', status: '' }, now)).toEqual(requestQuery({}, now));
  });

  it("read the spec's sample URL: a range and a status", () => {
    // https://api.city.gov/dev/v2/requests.xml?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z&status=open
    expect(
      requestQuery({ start_date: '2010-05-24T00:00:00Z', end_date: '2010-06-24T00:00:00Z', status: 'open' }, now),
    ).toEqual({
      from: new Date('2010-05-24T00:00:00Z'),
      to: new Date('2010-06-24T00:00:00Z'),
      statuses: ['created', 'assigned', 'accepted', 'in_progress', 'returned'],
    });
  });

  it('run 90 days from a start date or up to an end date given alone', () => {
    expect(requestQuery({ start_date: '2026-01-01T00:00:00+08:00' }, now)).toMatchObject({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date(new Date('2025-12-31T16:00:00Z').getTime() + days(90)),
    });
    expect(requestQuery({ end_date: '2026-06-30T00:00:00Z' }, now)).toMatchObject({
      from: new Date(new Date('2026-06-30T00:00:00Z').getTime() - days(90)),
    });
  });

  it('refuse a range over 90 days, or backwards', () => {
    expect(problemsOf({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' })).toEqual([
      'start_date 与 end_date 相隔不能超过 90 天',
    ]);
    expect(problemsOf({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual([
      'start_date 不能晚于 end_date',
    ]);
  });

  it('need W3C date-times with a zone', () => {
    expect(problemsOf({ start_date: '2026-01-01' })).toEqual([
      'start_date 应为带时区的 W3C 日期时间，例如 2026-11-01T00:00:00+08:00',
    ]);
    expect(problemsOf({ end_date: '2026-01-01T00:00:00' })).toHaveLength(1);
  });

  it('take lists comma-delimited or repeated, and map services to our categories, closed to concluded states', () => {
    expect(requestQuery({ service_code: 'transport,environment', status: ['open', 'closed'] }, now)).toMatchObject({
      categories: ['交通运输', '环境保护'],
      statuses: ['created', 'assigned', 'accepted', 'in_progress', 'returned', 'resolved', 'revisited', 'closed'],
    });
    expect(requestQuery({ status: 'closed' }, now)).toMatchObject({ statuses: ['resolved', 'revisited', 'closed'] });
  });

  it('refuse unknown services and statuses, naming each problem', () => {
    expect(problemsOf({ service_code: 'transport,001', status: 'pending' })).toEqual([
      '未知的 service_code：001',
      'status 只能是 open 或 closed',
    ]);
  });

  it('let service_request_id override every other filter', () => {
    expect(
      requestQuery({ service_request_id: 'GD20261126000042, GD20261126000043', status: 'bogus', start_date: 'x' }, now),
    ).toEqual({ ticketNos: ['GD20261126000042', 'GD20261126000043'] });
  });

  it('refuse a filter sent in a shape no client sends', () => {
    expect(problemsOf({ status: { $ne: 'open' } })).toEqual(['status 应为以逗号分隔的列表']);
  });
});
