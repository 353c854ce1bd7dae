import { SubscriberChannel } from '../subscribers/subscriber-channel';

export interface Reachable {
  subscriberId: string;
  channel: SubscriberChannel;
  /** The same person on several channels shares one key; null: this subscription is a person of its own. */
  personKey: string | null;
  /** The person's order of channels: 1 first. */
  preference: number;
}

/** When a person ranked two channels the same: the one that reaches a phone with nothing installed first. */
const CHANNEL_ORDER: Record<SubscriberChannel, number> = { sms: 0, wxa: 1, wecom: 2 };

/**
 * One delivery per person: of the subscriptions an alert reaches, each person keeps the one on the channel they
 * ranked first (ties: SMS, then mini-program, then WeCom; then the subscription id, so reruns choose the same).
 * Only subscriptions the alert reaches compete: someone whose SMS subscription is for another district still gets
 * the alert on the mini-program subscription that shared a location inside the polygon.
 */
export function onePerPerson<T extends Reachable>(reached: Iterable<T>): T[] {
  const chosen = new Map<string, T>();
  for (const candidate of reached) {
    const person = personOf(candidate);
    const current = chosen.get(person);
    if (!current || isPreferred(candidate, current)) chosen.set(person, candidate);
  }
  return [...chosen.values()];
}

/** Who a subscription belongs to; the targeting query sorts by the same expression (`person` in its SELECT). */
export function personOf(subscription: Pick<Reachable, 'personKey' | 'subscriberId'>): string {
  return subscription.personKey ?? `subscriber:${subscription.subscriberId}`;
}

/**
 * For subscriptions read page by page in order of person: the page's last person may have more subscriptions on the
 * next page, so theirs are held back and decided with the next page; everyone before them is complete.
 */
export function holdLastPerson<T extends Reachable>(
  reached: readonly T[],
  lastPersonOfPage: string,
): { complete: T[]; held: T[] } {
  const firstHeld = reached.findIndex((one) => personOf(one) === lastPersonOfPage);
  if (firstHeld === -1) return { complete: [...reached], held: [] };
  return { complete: reached.slice(0, firstHeld), held: reached.slice(firstHeld) };
}

function isPreferred(a: Reachable, b: Reachable): boolean {
  if (a.preference !== b.preference) return a.preference < b.preference;
  if (a.channel !== b.channel) return CHANNEL_ORDER[a.channel] < CHANNEL_ORDER[b.channel];
  return a.subscriberId < b.subscriberId;
}
