import { ReferencedAlertCancelled, UnknownReferences } from './alert-errors';
import { LinkedAlert, referenceEffects } from './reference-effects';

const SENDER = 'gz-warning-centre@12379.example.cn';
const stored = (identifier: string, changes: Partial<LinkedAlert> = {}): LinkedAlert => ({
  id: `id-${identifier}`,
  sender: SENDER,
  identifier,
  state: 'active',
  replacedBy: null,
  ...changes,
});
const ref = (identifier: string, sender = SENDER) => ({ sender, identifier, sent: '2026-06-12T08:30:00+08:00' });
const ids = (alerts: LinkedAlert[]) => alerts.map((alert) => alert.id).sort();

describe('what a message does to the alerts it references', () => {
  it('an Update supersedes exactly the alerts it names, whatever their sent time says', () => {
    const effects = referenceEffects('Update', [ref('A')], [stored('A'), stored('B')]);
    expect(ids(effects.update)).toEqual(['id-A']);
    expect(effects.cancel).toEqual([]);
  });

  it('an Update may supersede an alert already updated, and names each alert once', () => {
    const effects = referenceEffects(
      'Update',
      [ref('A'), ref('A')],
      [stored('A', { state: 'updated', replacedBy: 'id-B' })],
    );
    expect(ids(effects.update)).toEqual(['id-A']);
  });

  it('a Cancel withdraws the alerts it names and what replaced them, not those already withdrawn', () => {
    const linked = [
      stored('A', { state: 'updated', replacedBy: 'id-B' }),
      stored('B', { state: 'updated', replacedBy: 'id-C' }),
      stored('C'),
      stored('D', { state: 'cancelled' }),
    ];
    const effects = referenceEffects('Cancel', [ref('A')], linked);
    expect(ids(effects.cancel)).toEqual(['id-A', 'id-B', 'id-C']);
    expect(effects.update).toEqual([]);
  });

  it('refuses an Update or Cancel naming alerts we never received, listing each of them', () => {
    const attempt = () => referenceEffects('Cancel', [ref('A'), ref('X'), ref('A', 'other@example.cn')], [stored('A')]);
    expect(attempt).toThrow(UnknownReferences);
    expect(attempt).toThrow(`${SENDER},X,2026-06-12T08:30:00+08:00；other@example.cn,A,2026-06-12T08:30:00+08:00`);
  });

  it('refuses to update or cancel an alert already cancelled', () => {
    const linked = [stored('A', { state: 'cancelled' })];
    expect(() => referenceEffects('Update', [ref('A')], linked)).toThrow(ReferencedAlertCancelled);
    expect(() => referenceEffects('Cancel', [ref('A')], linked)).toThrow(`预警 ${SENDER},A 已撤销`);
  });

  it('lets Ack, Error and Alert change nothing, even naming alerts we do not hold', () => {
    for (const msgType of ['Ack', 'Error', 'Alert'] as const) {
      expect(referenceEffects(msgType, [ref('X')], [])).toEqual({ update: [], cancel: [] });
    }
  });
});
