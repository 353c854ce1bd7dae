/**
 * Personal data must not reach the logs. Known personal fields are replaced whole; in every other string, anything
 * shaped like a mainland mobile number, a resident ID number or a bank card number is masked.
 */

export const PERSONAL_FIELDS = new Set([
  'phone',
  'mobile',
  'phoneNumber',
  'idNumber',
  'idCard',
  'realName',
  'citizenName',
  'contactName',
  'fullName',
  'address',
  'bankAccount',
  'bankCard',
  'password',
  'accessToken',
  'authorization',
  'text',
  'description',
]);

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
/** A mainland mobile number, with or without +86 / 86 in front, written in one run or in groups (138 0013 8000). */
const MOBILE = /(?<!\d)((?:\+?86[-\s]?)?)(1[3-9]\d)[-\s]?\d{4}[-\s]?(\d{4})(?!\d)/g;
const BANK_CARD = /(?<!\d)\d{12,15}(\d{4})(?!\d)/g;

export function redactText(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(BANK_CARD, '****$1').replace(MOBILE, '$1$2****$3');
}

const MAX_DEPTH = 6;

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack && redactText(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    out[field] = PERSONAL_FIELDS.has(field) && inner != null ? '[redacted]' : redactValue(inner, depth + 1);
  }
  return out;
}
