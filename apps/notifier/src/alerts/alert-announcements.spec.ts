import { AlertEventV1 } from '@libs/common/contracts/alert-events.v1';
import { CapAlert } from '../cap/cap-alert';
import { readCapJson } from '../cap/read-cap-alert';
import { alertAnnouncements } from './alert-announcements';

const NEW_ID = '0b7e4c52-3d7a-4c1e-9d0f-3c2b1a000001';
const OLD_ID = '0b7e4c52-3d7a-4c1e-9d0f-3c2b1a000002';
const OLDER_ID = '0b7e4c52-3d7a-4c1e-9d0f-3c2b1a000003';
const now = new Date('2026-06-12T01:00:00Z');

const cancel: CapAlert = readCapJson({
  identifier: 'GZ-2026-0612-0003',
  sender: 'gz-warning-centre@12379.example.cn',
  sent: '2026-06-12T09:00:00+08:00',
  status: 'Actual',
  msgType: 'Cancel',
  scope: 'Public',
  references: 'gz-warning-centre@12379.example.cn,GZ-1,2026-06-12T08:30:00+08:00',
  info: {
    category: 'Met',
    event: '暴雨',
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    parameter: { valueName: '预警级别', value: '橙色' },
    area: [
      { areaDesc: '天河区', geocode: [{ valueName: 'ADCODE', value: '440106' }] },
      {
        areaDesc: '越秀区、天河区',
        geocode: [
          { valueName: 'ADCODE', value: '440104' },
          { valueName: 'ADCODE', value: '440106' },
        ],
      },
    ],
  },
});
const linked = (id: string, identifier: string) => ({
  id,
  sender: cancel.sender,
  identifier,
  state: 'active' as const,
  replacedBy: null,
});

describe('the events of an accepted alert', () => {
  const announce = () =>
    alertAnnouncements(
      {
        alertId: NEW_ID,
        alert: cancel,
        targeted: 0,
        updated: [],
        cancelled: [
          { alert: linked(OLD_ID, 'GZ-1'), stoppedDeliveries: 12 },
          { alert: linked(OLDER_ID, 'GZ-0'), stoppedDeliveries: 0 },
        ],
      },
      'trace-0001',
      now,
    );

  it('announces the alert, then each alert it withdrew, keyed by the alert each is about', () => {
    const events = announce();
    expect(events.map(({ envelope }) => [envelope.type, envelope.key])).toEqual([
      ['alert.accepted', NEW_ID],
      ['alert.cancelled', OLD_ID],
      ['alert.cancelled', OLDER_ID],
    ]);
    expect(events[0].envelope.payload).toEqual({
      alertId: NEW_ID,
      identifier: 'GZ-2026-0612-0003',
      sender: 'gz-warning-centre@12379.example.cn',
      msgType: 'Cancel',
      severity: 'Severe',
      urgency: 'Immediate',
      regionCodes: ['440106', '440104'],
      targeted: 0,
      status: 'Actual',
      warningColour: 'orange',
    });
    expect(events[1].envelope.payload).toMatchObject({ alertId: OLD_ID, cancelledBy: NEW_ID, cancelledDeliveries: 12 });
    for (const { envelope } of events) expect(AlertEventV1.safeParse(envelope).success).toBe(true);
  });

  it('repeats the same envelope ids when announced again, so consumers drop the copies', () => {
    const ids = (events: ReturnType<typeof announce>) => events.map(({ envelope }) => envelope.id);
    expect(ids(announce())).toEqual(ids(announce()));
    expect(new Set(ids(announce())).size).toBe(3);
  });
});
