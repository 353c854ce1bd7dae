import { BlindIndex } from './blind-index';

/** The blind-index kind of a phone number, shared so that two apps indexing the same number get the same value. */
export const PHONE_INDEX_KIND = 'phone';

/**
 * A phone number's blind index as the notifier stores it for SMS subscribers (address index and person key): a
 * mainland mobile by its 11 digits, whether it comes as `13812345678`, `+8613812345678` or `0086 138…`; any other
 * number as given. The gateway uses it to name the recipient of an Aliyun receipt without passing on the number.
 */
export function phoneBlindIndex(blindIndex: BlindIndex, phone: string): string {
  return blindIndex.of(PHONE_INDEX_KIND, canonicalPhone(phone));
}

/** The form a phone number is indexed in: 11 digits for a mainland mobile, otherwise the compact input. */
export function canonicalPhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  const mainland = /^(?:\+86|0086)?(1[3-9]\d{9})$/.exec(compact);
  return mainland ? mainland[1] : compact;
}
