import { readCapJson } from '../cap/read-cap-alert';
import { officerCancellation, OnlyAlertsAreCancelled } from './officer-cancellation';

const now = new Date('2026-06-12T02:00:00Z');
const typhoon = {
  id: '3f0c2a7e-8b1d-4c5e-9a6f-000000000001',
  identifier: '44010041600000-20260612-0001',
  sender: 'gz-warning-centre@12379.example.cn',
  sent: new Date('2026-06-12T00:30:00Z'),
  status: 'Actual' as const,
  msgType: 'Alert' as const,
  scope: 'Public' as const,
};

describe("an officer's cancellation", () => {
  it('is a valid CAP Cancel naming the alert by its sender, identifier and sent time', () => {
    const cancel = readCapJson(officerCancellation(typhoon, 'emergency', '台风已转向', now));
    expect(cancel).toMatchObject({
      identifier: `cancel-${typhoon.id}`,
      sender: typhoon.sender,
      sent: now,
      status: 'Actual',
      msgType: 'Cancel',
      scope: 'Public',
      note: '由 emergency 在预警管理页撤销：台风已转向',
      references: [{ sender: typhoon.sender, identifier: typhoon.identifier, sent: '2026-06-12T08:30:00+08:00' }],
      info: [],
    });
  });

  it('names the same message when the button is pressed again later', () => {
    const first = officerCancellation(typhoon, 'emergency', undefined, now);
    const again = officerCancellation(typhoon, 'emergency', undefined, new Date(now.getTime() + 60_000));
    expect(again.identifier).toBe(first.identifier);
  });

  it('keeps an exercise an exercise, and a restricted alert restricted', () => {
    const drill = readCapJson(
      officerCancellation({ ...typhoon, status: 'Exercise', scope: 'Private' }, 'e', undefined, now),
    );
    expect(drill).toMatchObject({
      status: 'Exercise',
      scope: 'Restricted',
      restriction: expect.stringContaining(typhoon.identifier),
    });
  });

  it.each(['Cancel', 'Ack', 'Error'] as const)('refuses to cancel a %s message', (msgType) => {
    expect(() => officerCancellation({ ...typhoon, msgType }, 'emergency', undefined, now)).toThrow(
      OnlyAlertsAreCancelled,
    );
  });
});
