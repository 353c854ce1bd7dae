import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { WorkingDayCalendar } from './working-day-calendar';

/** chinese-days carries the State Council's schedules from 2004 (official-holiday-schedule.ts reads from then). */
const FIRST_SCHEDULE_YEAR = 2004;

const AddWorkingDaysQuery = z.object({
  from: z
    .string({ error: '请提供起算日期 from，格式为 YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '起算日期 from 的格式应为 YYYY-MM-DD')
    .refine(isCalendarDate, '起算日期 from 不是有效的日期'),
  days: z
    .string({ error: '请提供工作日天数 days（0 到 365 之间的整数）' })
    .regex(/^\d{1,3}$/, '工作日天数 days 应为 0 到 365 之间的整数')
    .transform(Number)
    .refine((days) => days <= 365, '工作日天数 days 应为 0 到 365 之间的整数'),
});

/**
 * Working-day arithmetic on the official holiday and make-up working-day schedule (法定节假日与调休安排), as the
 * deadlines of work orders use it: "办结时限 5 个工作日" from a date. The day counted from is not counted.
 * Public, without sign-in: it is public information, the same a citizen reads in the State Council's notice, and
 * citizen-facing channels and Open311 clients need it to show a date; each request is bounded (at most 365 days).
 */
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: WorkingDayCalendar) {}

  @Get('add-working-days')
  addWorkingDays(@Query(new ZodPipe(AddWorkingDaysQuery)) query: z.infer<typeof AddWorkingDaysQuery>) {
    const year = Number(query.from.slice(0, 4));
    if (year < FIRST_SCHEDULE_YEAR) {
      throw new DomainError(
        'unprocessable',
        `本系统的节假日安排从 ${FIRST_SCHEDULE_YEAR} 年开始，无法计算 ${year} 年的工作日`,
      );
    }
    return { date: this.calendar.addWorkingDays(query.from, query.days) };
  }
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
