/**
 * Phone numbers between the vendors' formats and E.164, the one form we store (encrypted) and index: Tencent sends a
 * country code and a national number and wants +E.164 back; Aliyun sends and wants 11 digits for the mainland and
 * country code + number (no +) elsewhere.
 */

const E164 = /^\+[1-9]\d{6,14}$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function isE164(number: string): boolean {
  return E164.test(number);
}

/** `86`, `13800138000` → `+8613800138000`; undefined when the result is not a plausible number. */
export function e164FromParts(countryCode: string, nationalNumber: string): string | undefined {
  const country = countryCode.replace(/\D/g, '').replace(/^0+/, '') || '86';
  const national = nationalNumber.replace(/[\s-]/g, '');
  if (national.startsWith('+')) return isE164(national) ? national : undefined;
  const candidate = `+${country}${national.replace(/\D/g, '')}`;
  return /^[\d\s-]+$/.test(nationalNumber) && isE164(candidate) ? candidate : undefined;
}

/** An Aliyun number (`13800138000`, `8613800138000`, `0085261234567`, `+85261234567`) in E.164. */
export function e164FromAliyun(number: string): string | undefined {
  const compact = number.replace(/[\s-]/g, '');
  if (MAINLAND_MOBILE.test(compact)) return `+86${compact}`;
  if (compact.startsWith('+')) return isE164(compact) ? compact : undefined;
  if (!/^\d+$/.test(compact)) return undefined;
  const international = `+${compact.replace(/^00/, '')}`;
  return isE164(international) ? international : undefined;
}

/** What Aliyun's PhoneNumbers takes: 11 digits for the mainland, country code and number otherwise. */
export function aliyunPhoneNumber(e164: string): string {
  const digits = e164.slice(1);
  return digits.startsWith('86') && MAINLAND_MOBILE.test(digits.slice(2)) ? digits.slice(2) : digits;
}
