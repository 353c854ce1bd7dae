import { reminderTiming, upcoming } from './reminder-timing';

// 2026-11-26 10:00 in Beijing is 02:00 UTC.
const now = new Date('2026-11-26T02:00:00Z');

describe('reminderTiming', () => {
  it('reminds of a deadline at 09:00 Beijing time the day before', () => {
    expect(reminderTiming({ date: '2027-06-30', relation: 'before' }, now)).toEqual({
      type: 'due',
      date: '2027-06-30',
      remindOn: '2027-06-29',
      dueAt: '2027-06-29T09:00:00+08:00',
    });
  });

  it('reminds of any other date at 09:00 on the day', () => {
    const timing = reminderTiming({ date: '2026-12-04' }, now);
    expect(timing).toMatchObject({ type: 'due', remindOn: '2026-12-04', dueAt: '2026-12-04T09:00:00+08:00' });
    expect(Date.parse(timing.type === 'due' ? timing.dueAt : '')).toBe(Date.parse('2026-12-04T01:00:00Z'));
  });

  it('reminds of a deadline tomorrow on the day itself when the day before has passed 09:00', () => {
    expect(reminderTiming({ date: '2026-11-27', relation: 'before' }, now)).toMatchObject({
      type: 'due',
      remindOn: '2026-11-27',
    });
  });

  it('counts the day in Beijing, not UTC: at 23:30 UTC it is already the next morning there', () => {
    const lateUtc = new Date('2026-11-26T23:30:00Z'); // 07:30 on 27 November in Beijing
    expect(reminderTiming({ date: '2026-11-27' }, lateUtc)).toMatchObject({ type: 'due', remindOn: '2026-11-27' });
    const afterNine = new Date('2026-11-27T01:30:00Z'); // 09:30 in Beijing
    expect(reminderTiming({ date: '2026-11-27' }, afterNine)).toEqual({ type: 'past', date: '2026-11-27' });
  });

  it('says a date gone by is past', () => {
    expect(reminderTiming({ date: '2026-11-26' }, now)).toEqual({ type: 'past', date: '2026-11-26' });
    expect(reminderTiming({ date: '2026-10-01', relation: 'before' }, now)).toMatchObject({ type: 'past' });
  });

  it('takes up to a year ahead, and no further', () => {
    expect(reminderTiming({ date: '2027-11-26' }, now).type).toBe('due');
    expect(reminderTiming({ date: '2027-11-27' }, now)).toEqual({ type: 'too_far', date: '2027-11-27' });
  });
});

describe('upcoming', () => {
  it('moves a date said without a year, already gone, to next year', () => {
    expect(upcoming({ date: '2026-06-30', text: '6月30日前', relation: 'before' }, '2026-11-26')).toEqual({
      date: '2027-06-30',
      text: '6月30日前',
      relation: 'before',
    });
  });

  it('leaves a date with its year, or still ahead, as said', () => {
    expect(upcoming({ date: '2026-06-30', text: '2026年6月30日' }, '2026-11-26').date).toBe('2026-06-30');
    expect(upcoming({ date: '2026-12-30', text: '12月30日' }, '2026-11-26').date).toBe('2026-12-30');
  });

  it('leaves 2月29日 that has no twin next year', () => {
    expect(upcoming({ date: '2028-02-29', text: '2月29日' }, '2028-03-01').date).toBe('2028-02-29');
  });
});
