import { milestoneRanks, timeToSent } from './send-milestones';

const received = new Date('2026-06-12T00:30:00Z');
const secondsLater = (seconds: number) => new Date(received.getTime() + seconds * 1000);
/** Send times of ranks 1…n, the i-th one at times[i-1] seconds after reception. */
const sendOrder = (...times: number[]) => new Map(times.map((seconds, index) => [index + 1, secondsLater(seconds)]));

describe('time to 50 / 90 / 100 % sent', () => {
  it('picks the ranks each share needs, rounding up', () => {
    expect(milestoneRanks(10)).toEqual({ p50: 5, p90: 9, p100: 10 });
    expect(milestoneRanks(1)).toEqual({ p50: 1, p90: 1, p100: 1 });
    expect(milestoneRanks(3)).toEqual({ p50: 2, p90: 3, p100: 3 });
    expect(milestoneRanks(1_000_000)).toEqual({ p50: 500_000, p90: 900_000, p100: 1_000_000 });
    expect(milestoneRanks(0)).toBeNull();
  });

  it('measures each milestone from the reception of the alert', () => {
    expect(timeToSent(received, 10, sendOrder(1, 2, 3, 4, 5, 6, 7, 8, 9.5, 30))).toEqual({
      p50: 5000,
      p90: 9500,
      p100: 30000,
    });
  });

  it('stays null for milestones not reached yet, and for an alert with no recipients', () => {
    expect(timeToSent(received, 10, sendOrder(1, 2, 3, 4, 5, 6))).toEqual({ p50: 5000, p90: null, p100: null });
    expect(timeToSent(received, 0, new Map())).toEqual({ p50: null, p90: null, p100: null });
  });
});
