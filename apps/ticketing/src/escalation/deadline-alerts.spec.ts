import { endOfChinaDay } from '@libs/common/time/china-time';
import { officialHolidaySchedule } from '../calendar/official-holiday-schedule';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { isOpen, TICKET_STATUSES } from '../tickets/ticket-lifecycle';
import { alertLevel, OPEN_STATUSES, workingDaysOverdue } from './deadline-alerts';

const calendar = new WorkingDayCalendar(officialHolidaySchedule());
const at = (instant: string) => new Date(instant);
const dueOn = (date: string) => endOfChinaDay(date);

describe('办结 alerts', () => {
  it('turn yellow on the last working day before the due date, across a weekend', () => {
    // Due Monday 30 November 2026: the last working day before it is Friday the 27th.
    const dueAt = dueOn('2026-11-30');
    expect(alertLevel('conclude', dueAt, at('2026-11-26T23:59:59+08:00'), calendar)).toBeNull();
    expect(alertLevel('conclude', dueAt, at('2026-11-27T00:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('conclude', dueAt, at('2026-11-29T12:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('conclude', dueAt, at('2026-11-30T23:59:59.999+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('conclude', dueAt, at('2026-12-01T00:00:00+08:00'), calendar)).toBe('red');
  });

  it('turn yellow before the National Day holiday when the deadline falls just after it', () => {
    // 2026: 10月1日–7日 放假; due Thursday 8 October, the last working day before it is Wednesday 30 September.
    const dueAt = dueOn('2026-10-08');
    expect(alertLevel('conclude', dueAt, at('2026-09-29T23:59:59+08:00'), calendar)).toBeNull();
    expect(alertLevel('conclude', dueAt, at('2026-09-30T00:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('conclude', dueAt, at('2026-10-05T10:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('conclude', dueAt, at('2026-10-09T00:00:00+08:00'), calendar)).toBe('red');
  });

  it('count the make-up working days of the National Day holiday as the day before', () => {
    // Saturday 10 October and Sunday 20 September 2026 are working days (调休上班).
    expect(alertLevel('conclude', dueOn('2026-10-12'), at('2026-10-09T23:59:59+08:00'), calendar)).toBeNull();
    expect(alertLevel('conclude', dueOn('2026-10-12'), at('2026-10-10T00:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('conclude', dueOn('2026-09-21'), at('2026-09-19T23:59:59+08:00'), calendar)).toBeNull();
    expect(alertLevel('conclude', dueOn('2026-09-21'), at('2026-09-20T00:00:00+08:00'), calendar)).toBe('yellow');
  });

  it('work in Beijing time, whatever the instant is written in', () => {
    // 16:00 UTC on the 26th is already Friday the 27th in Beijing.
    expect(alertLevel('conclude', dueOn('2026-11-30'), at('2026-11-26T15:59:59Z'), calendar)).toBeNull();
    expect(alertLevel('conclude', dueOn('2026-11-30'), at('2026-11-26T16:00:00Z'), calendar)).toBe('yellow');
  });

  it('agree with "from the start of the last working day before the due date" on every day around the holiday', () => {
    const lastWorkingDayBefore = (date: string) => {
      let day = new Date(`${date}T00:00:00Z`);
      do day = new Date(day.getTime() - 86_400_000);
      while (!calendar.isWorkingDay(day.toISOString().slice(0, 10)));
      return day.toISOString().slice(0, 10);
    };
    const days = Array.from({ length: 40 }, (_, index) =>
      new Date(Date.UTC(2026, 8, 15 + index)).toISOString().slice(0, 10),
    );
    for (const due of days) {
      const yellowFrom = at(`${lastWorkingDayBefore(due)}T00:00:00+08:00`);
      for (const today of days) {
        for (const now of [at(`${today}T00:00:00+08:00`), at(`${today}T23:59:59.999+08:00`)]) {
          const expected = now > dueOn(due) ? 'red' : now >= yellowFrom ? 'yellow' : null;
          expect({ due, now, level: alertLevel('conclude', dueOn(due), now, calendar) }).toEqual({
            due,
            now,
            level: expected,
          });
        }
      }
    }
  });

  it('do not fail at the end of the published schedule', () => {
    const lastDay = `${officialHolidaySchedule().lastPublishedYear}-12-31`;
    expect(alertLevel('conclude', dueOn(lastDay), at(`${lastDay}T09:00:00+08:00`), calendar)).toBe('yellow');
  });
});

describe('签收 alerts', () => {
  it('turn yellow on the due date itself and red after it', () => {
    // Dispatched Thursday 26 November, to be signed for by the end of Friday the 27th.
    const signDueAt = dueOn('2026-11-27');
    expect(alertLevel('sign', signDueAt, at('2026-11-26T18:00:00+08:00'), calendar)).toBeNull();
    expect(alertLevel('sign', signDueAt, at('2026-11-27T00:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('sign', signDueAt, at('2026-11-28T00:00:00+08:00'), calendar)).toBe('red');
  });

  it('stay quiet through the National Day holiday when signing is due after it', () => {
    // Dispatched on 30 September, to be signed for by the end of 8 October.
    const signDueAt = dueOn('2026-10-08');
    expect(alertLevel('sign', signDueAt, at('2026-10-07T23:59:59+08:00'), calendar)).toBeNull();
    expect(alertLevel('sign', signDueAt, at('2026-10-08T00:00:00+08:00'), calendar)).toBe('yellow');
    expect(alertLevel('sign', signDueAt, at('2026-10-09T08:30:00+08:00'), calendar)).toBe('red');
  });
});

describe('working days overdue', () => {
  it('count only the working days begun since the due date', () => {
    const dueAt = dueOn('2026-09-30');
    expect(workingDaysOverdue(dueAt, at('2026-09-30T20:00:00+08:00'), calendar)).toBe(0);
    expect(workingDaysOverdue(dueAt, at('2026-10-07T20:00:00+08:00'), calendar)).toBe(0);
    expect(workingDaysOverdue(dueAt, at('2026-10-08T09:00:00+08:00'), calendar)).toBe(1);
    expect(workingDaysOverdue(dueAt, at('2026-10-10T09:00:00+08:00'), calendar)).toBe(3);
    expect(workingDaysOverdue(dueAt, at('2026-10-11T09:00:00+08:00'), calendar)).toBe(3);
    expect(workingDaysOverdue(dueAt, at('2026-10-12T09:00:00+08:00'), calendar)).toBe(4);
  });

  it('are unknown when a day in between is past the published schedule', () => {
    const next = officialHolidaySchedule().lastPublishedYear + 1;
    expect(workingDaysOverdue(dueOn('2026-11-27'), at(`${next}-01-05T09:00:00+08:00`), calendar)).toBeNull();
  });
});

describe('the tickets alerts are about', () => {
  it('are the open ones of the lifecycle, as the scan and its indexes list them', () => {
    expect([...OPEN_STATUSES]).toEqual(TICKET_STATUSES.filter(isOpen));
  });
});
