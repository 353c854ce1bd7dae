import { MonthCounts, monthStats, rank, score } from './department-stats';

const none: MonthCounts = {
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

describe('monthStats', () => {
  it('computes the rates from what was due, not from everything received', () => {
    const stats = monthStats({
      ...none,
      received: 10,
      signDue: 8,
      signedOnTime: 6,
      resolved: 5,
      concludeDue: 6,
      resolvedOnTime: 4,
      rated: 4,
      satisfied: 3,
      ratingSum: 15,
      reopened: 1,
      handlingHours: [3, 10, 7.25],
    });
    expect(stats).toEqual({
      received: 10,
      resolved: 5,
      rated: 4,
      reopened: 1,
      responseRate: 0.75,
      onTimeRate: 0.6667,
      resolutionRate: 0.5,
      averageHandlingHours: 6.8,
      satisfactionRate: 0.75,
      averageRating: 3.75,
    });
  });

  it('gives null, not zero, for a rate with nothing to measure', () => {
    const stats = monthStats({ ...none, received: 2 });
    expect(stats).toMatchObject({
      responseRate: null,
      onTimeRate: null,
      resolutionRate: 0,
      averageHandlingHours: null,
      satisfactionRate: null,
      averageRating: null,
    });
  });
});

describe('score', () => {
  it('weighs the four rates', () => {
    const stats = monthStats({
      ...none,
      received: 10,
      signDue: 10,
      signedOnTime: 10,
      resolved: 5,
      concludeDue: 10,
      resolvedOnTime: 5,
      rated: 5,
      satisfied: 5,
    });
    // 0.2·1 + 0.3·0.5 + 0.2·0.5 + 0.3·1 = 0.75
    expect(score(stats)).toBe(75);
  });

  it('leaves out a rate with nothing to measure and counts the others in its place', () => {
    const stats = monthStats({ ...none, received: 4, signDue: 4, signedOnTime: 2 });
    // response 0.5 (weight 0.2) and resolution 0 (weight 0.2): 0.1 / 0.4
    expect(score(stats)).toBe(25);
  });

  it('gives no score to a department that received nothing', () => {
    expect(score(monthStats(none))).toBeNull();
  });
});

describe('rank', () => {
  it('ranks the highest score first, ties share a rank, unscored last', () => {
    const ranked = rank([
      { name: '乙局', score: 80 },
      { name: '丙局', score: null },
      { name: '甲局', score: 90 },
      { name: '丁局', score: 80 },
    ]);
    expect(ranked.map((row) => [row.name, row.rank])).toEqual([
      ['甲局', 1],
      ['丁局', 2],
      ['乙局', 2],
      ['丙局', null],
    ]);
  });
});
