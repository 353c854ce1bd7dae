import { CapMsgType } from '../cap/cap-enumerations';
import { CapReference } from '../cap/cap-references';
import { ReferencedAlertCancelled, UnknownReferences } from './alert-errors';

export type AlertState = 'active' | 'updated' | 'cancelled';

/** A stored alert a new message may change: one it names in <references>, or one that replaced such an alert. */
export interface LinkedAlert {
  id: string;
  sender: string;
  identifier: string;
  state: AlertState;
  replacedBy: string | null;
}

export interface ReferenceEffects {
  /** Alerts the new message supersedes (msgType Update): marked 'updated', replaced by the new one. */
  update: LinkedAlert[];
  /** Alerts the new message withdraws (msgType Cancel): marked 'cancelled', their unsent deliveries stopped. */
  cancel: LinkedAlert[];
}

/**
 * What a message does to the alerts it references (CAP 1.2: Update "supersedes the earlier message(s) identified in
 * <references>", Cancel "cancels" them). References match by sender and identifier, CAP's unique pair; the sent
 * time in a reference is not compared. Ack and Error change nothing and may name alerts we do not hold.
 *
 * A Cancel also withdraws what replaced the alerts it names (the Update of a typhoon warning the office cancels by the
 * original's identifier): a warning must never go on being sent after its cancellation. An Update does not follow the
 * chain: it replaces exactly what it names.
 */
export function referenceEffects(
  msgType: CapMsgType,
  references: CapReference[],
  linked: LinkedAlert[],
): ReferenceEffects {
  if (msgType !== 'Update' && msgType !== 'Cancel') return { update: [], cancel: [] };
  const key = (alert: { sender: string; identifier: string }) => `${alert.sender}\n${alert.identifier}`;
  const byKey = new Map(linked.map((alert) => [key(alert), alert]));
  const unknown = references.filter((reference) => !byKey.has(key(reference)));
  if (unknown.length > 0) throw new UnknownReferences(unknown);
  const named = [
    ...new Map(references.map((reference) => [key(reference), byKey.get(key(reference))])).values(),
  ].filter((alert): alert is LinkedAlert => alert !== undefined);
  const withdrawn = named.find((alert) => alert.state === 'cancelled');
  if (withdrawn) throw new ReferencedAlertCancelled(withdrawn.sender, withdrawn.identifier);
  if (msgType === 'Update') return { update: named, cancel: [] };
  return { update: [], cancel: withSuccessors(named, linked).filter((alert) => alert.state !== 'cancelled') };
}

function withSuccessors(named: LinkedAlert[], linked: LinkedAlert[]): LinkedAlert[] {
  const byId = new Map(linked.map((alert) => [alert.id, alert]));
  const found = new Map<string, LinkedAlert>();
  const pending = [...named];
  for (let alert = pending.pop(); alert; alert = pending.pop()) {
    if (found.has(alert.id)) continue;
    found.set(alert.id, alert);
    const successor = alert.replacedBy ? byId.get(alert.replacedBy) : undefined;
    if (successor) pending.push(successor);
  }
  return [...found.values()];
}
