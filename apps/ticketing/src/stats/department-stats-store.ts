import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@libs/common/time/clock';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DepartmentEntity } from '../routing/department.entity';
import { MonthCounts } from './department-stats';
import { workingHoursBetween } from './office-hours';

const RESOLVED = `status IN ('resolved', 'revisited', 'closed')`;

interface CountRow {
  department_code: string;
  month: string;
  received: number;
  sign_due: number;
  signed_on_time: number;
  resolved: number;
  conclude_due: number;
  resolved_on_time: number;
  rated: number;
  satisfied: number;
  rating_sum: number;
  reopened: number;
}

/** Counts per department and month (YYYY-MM, Beijing) of the tickets accepted (受理) in it, as now. */
@Injectable()
export class DepartmentStatsStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  departments(): Promise<DepartmentEntity[]> {
    return this.dataSource.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  }

  department(code: string): Promise<DepartmentEntity | null> {
    return this.dataSource.getRepository(DepartmentEntity).findOneBy({ code });
  }

  /** Keyed by `${departmentCode} ${month}`; only departments and months with tickets appear. */
  async counts(fromMonth: string, toMonth: string, departmentCode?: string): Promise<Map<string, MonthCounts>> {
    const parameters = [monthStart(fromMonth), monthStart(nextMonth(toMonth)), departmentCode ?? null];
    const where = `accepted_at >= $1 AND accepted_at < $2 AND ($3::text IS NULL OR department_code = $3)`;
    const month = `to_char(accepted_at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM')`;
    const rows: CountRow[] = await this.dataSource.query(
      `SELECT department_code, ${month} AS month,
              count(*)::int AS received,
              count(*) FILTER (WHERE signed_at IS NOT NULL OR sign_due_at < $4)::int AS sign_due,
              count(*) FILTER (WHERE signed_at <= sign_due_at)::int AS signed_on_time,
              count(*) FILTER (WHERE ${RESOLVED})::int AS resolved,
              count(*) FILTER (WHERE ${RESOLVED} OR due_at < $4)::int AS conclude_due,
              count(*) FILTER (WHERE ${RESOLVED} AND resolved_at <= due_at)::int AS resolved_on_time,
              count(rating)::int AS rated,
              count(*) FILTER (WHERE rating >= 3)::int AS satisfied,
              coalesce(sum(rating), 0)::int AS rating_sum,
              count(*) FILTER (WHERE reopen_count > 0)::int AS reopened
         FROM ticketing.tickets WHERE ${where}
        GROUP BY 1, 2`,
      [...parameters, this.clock.now()],
    );
    const handled: Array<{ department_code: string; month: string; accepted_at: Date; resolved_at: Date }> =
      await this.dataSource.query(
        `SELECT department_code, ${month} AS month, accepted_at, resolved_at
           FROM ticketing.tickets WHERE ${where} AND ${RESOLVED} AND resolved_at IS NOT NULL`,
        parameters,
      );
    const counts = new Map<string, MonthCounts>();
    for (const row of rows) {
      counts.set(`${row.department_code} ${row.month}`, {
        received: row.received,
        signDue: row.sign_due,
        signedOnTime: row.signed_on_time,
        resolved: row.resolved,
        concludeDue: row.conclude_due,
        resolvedOnTime: row.resolved_on_time,
        rated: row.rated,
        satisfied: row.satisfied,
        ratingSum: row.rating_sum,
        reopened: row.reopened,
        handlingHours: [],
      });
    }
    const isWorkingDay = (date: string) => this.calendar.isWorkingDay(date);
    for (const ticket of handled) {
      counts
        .get(`${ticket.department_code} ${ticket.month}`)
        ?.handlingHours.push(workingHoursBetween(isWorkingDay, ticket.accepted_at, ticket.resolved_at));
    }
    return counts;
  }
}

/** The first instant of a month in Beijing. */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
