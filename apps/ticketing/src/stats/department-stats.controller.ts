import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { MonthCounts, monthStats, rank, score, SCORE_WEIGHTS } from './department-stats';
import { DepartmentStatsStore, nextMonth } from './department-stats-store';

const DepartmentCode = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '承办单位编码格式不正确');
const Month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，例如 2026-11');
const MonthsQuery = z
  .object({ from: Month.optional(), to: Month.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, '起始月份不能晚于结束月份');
const RankingQuery = z.object({ month: Month.optional() });

const MAX_MONTHS = 24;

/**
 * Department statistics (统计) and the ranking (排名): response, on-time and resolution rates, average handling time
 * in working hours and satisfaction, per month of acceptance. A department head sees their own department's; the
 * ranking is shown to heads and administrators alike.
 */
@Controller('api/v1/stats')
@StaffOnly('admin', 'dept_head')
export class DepartmentStatsController {
  constructor(
    private readonly store: DepartmentStatsStore,
    private readonly clock: Clock,
  ) {}

  @Get('departments/:code')
  async department(
    @Param('code', new ZodPipe(DepartmentCode)) code: string,
    @Query(new ZodPipe(MonthsQuery)) query: z.infer<typeof MonthsQuery>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    if (!staff.roles.includes('admin') && staff.departmentCode !== code) {
      throw new DomainError('forbidden', '只能查看本单位的统计');
    }
    const department = await this.store.department(code);
    if (!department) throw new DomainError('not_found', `没有找到承办单位 ${code}`);
    const to = query.to ?? query.from ?? this.currentMonth();
    const from = query.from ?? to;
    const months = monthsBetween(from, to);
    if (months.length > MAX_MONTHS) throw new DomainError('invalid', `一次最多查询 ${MAX_MONTHS} 个月`);
    const counts = await this.store.counts(from, to, code);
    return {
      department: { code: department.code, name: department.name },
      months: months.map((month) => {
        const stats = monthStats(counts.get(`${code} ${month}`) ?? NOTHING);
        return { month, ...stats, score: score(stats) };
      }),
    };
  }

  @Get('ranking')
  async ranking(@Query(new ZodPipe(RankingQuery)) query: z.infer<typeof RankingQuery>) {
    const month = query.month ?? this.currentMonth();
    const counts = await this.store.counts(month, month);
    const departments = await this.store.departments();
    const rows = departments.map((department) => {
      const stats = monthStats(counts.get(`${department.code} ${month}`) ?? NOTHING);
      return { code: department.code, name: department.name, score: score(stats), ...stats };
    });
    return { month, weights: SCORE_WEIGHTS, departments: rank(rows) };
  }

  private currentMonth(): string {
    return chinaDate(this.clock.now()).slice(0, 7);
  }
}

const NOTHING: MonthCounts = {
  received: 0,
  signDue: 0,
  signedOnTime: 0,
  resolved: 0,
  concludeDue: 0,
  resolvedOnTime: 0,
  rated: 0,
  satisfied: 0,
  ratingSum: 0,
  reopened: 0,
  handlingHours: [],
};

function monthsBetween(from: string, to: string): string[] {
  const months = [from];
  while (months[months.length - 1] < to && months.length <= MAX_MONTHS) months.push(nextMonth(months.at(-1) ?? to));
  return months;
}
