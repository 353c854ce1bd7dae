import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@libs/common/time/clock';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DeadlineKind, OPEN_STATUSES_SQL, workingDaysOverdue } from './deadline-alerts';

/** A red alert whose deadline still stands: the ticket is open, the deadline unchanged, and still not met. */
export interface OverdueTicket {
  ticketNo: string;
  status: string;
  category: string;
  regionCode: string;
  departmentCode: string;
  departmentName: string;
  /** Which deadline was missed: 签收 (sign) or 办结 (conclude). */
  kind: DeadlineKind;
  dueAt: string;
  alertedAt: string;
  /** Working days begun since the due date, today included; null when the schedule is not published. */
  workingDaysOverdue: number | null;
  /** 督办: whether a supervision notice was issued for the ticket, how often, and the latest when. */
  isSupervised: boolean;
  supervisions: number;
  lastSupervisedAt: string | null;
}

interface OverdueRow {
  ticket_no: string;
  status: string;
  category: string;
  region_code: string;
  department_code: string;
  department_name: string;
  kind: DeadlineKind;
  due_at: Date;
  raised_at: Date;
  supervisions: number;
  last_supervised_at: Date | null;
  total: number;
}

/** The overdue list for supervisors, most overdue first. */
@Injectable()
export class OverdueTickets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async list(options: {
    departmentCode?: string;
    limit: number;
    offset: number;
  }): Promise<{ total: number; tickets: OverdueTicket[] }> {
    // The same open statuses as the scan's: a ticket concluded, signed for or given a new deadline since its alert
    // drops off the list. Supervisions and department names are looked up for the page
    // only, not for every overdue ticket.
    const rows: OverdueRow[] = await this.dataSource.query(
      `SELECT p.*, d.name AS department_name, s.supervisions, s.last_supervised_at
         FROM (SELECT t.id, t.ticket_no, t.status, t.category, t.region_code, t.department_code, a.kind, a.due_at,
                      a.raised_at, count(*) OVER ()::int AS total
                 FROM ticketing.deadline_alerts a
                 JOIN ticketing.tickets t ON t.id = a.ticket_id
                WHERE a.level = 'red'
                  AND ((a.kind = 'conclude' AND t.due_at = a.due_at
                        AND t.status IN (${OPEN_STATUSES_SQL}))
                    OR (a.kind = 'sign' AND t.sign_due_at = a.due_at AND t.status = 'assigned'))
                  AND ($1::text IS NULL OR t.department_code = $1)
                ORDER BY a.due_at, t.ticket_no, a.kind
                LIMIT $2 OFFSET $3) p
         JOIN ticketing.departments d ON d.code = p.department_code
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS supervisions, max(issued_at) AS last_supervised_at
             FROM ticketing.ticket_supervisions WHERE ticket_id = p.id) s
        ORDER BY p.due_at, p.ticket_no, p.kind`,
      [options.departmentCode ?? null, options.limit, options.offset],
    );
    const now = this.clock.now();
    return {
      total: rows[0]?.total ?? 0,
      tickets: rows.map((row) => ({
        ticketNo: row.ticket_no,
        status: row.status,
        category: row.category,
        regionCode: row.region_code,
        departmentCode: row.department_code,
        departmentName: row.department_name,
        kind: row.kind,
        dueAt: row.due_at.toISOString(),
        alertedAt: row.raised_at.toISOString(),
        workingDaysOverdue: workingDaysOverdue(row.due_at, now, this.calendar),
        isSupervised: row.supervisions > 0,
        supervisions: row.supervisions,
        lastSupervisedAt: row.last_supervised_at?.toISOString() ?? null,
      })),
    };
  }
}
