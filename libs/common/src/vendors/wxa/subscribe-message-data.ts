import { DomainError } from '@libs/common/errors/domain-error';

/** The `data` of subscribeMessage.send: each template key with its value. */
export type SubscribeMessageData = Record<string, { value: string }>;

export class SubscribeFieldInvalid extends DomainError {
  constructor(key: string, rule: string) {
    super('invalid', `订阅消息字段 ${key} 不符合要求：${rule}`);
  }
}

const HAN = /^\p{Script=Han}+$/u;
const DATE = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d`;
const oneOrRange = (single: string) => new RegExp(`^${single}(?:\\s*~\\s*${single})?$`);

/**
 * The platform's rules per key type (订阅消息参数值内容限制), the key being the type and a number (`thing1`,
 * `character_string2`). Lengths count characters as a person would. `thing` alone may be shortened, as a
 * sentence can; a number, code, time or name that does not fit would be wrong once cut, so it is refused instead.
 */
const RULES: Record<string, { rule: string; fits: (value: string, length: number) => boolean }> = {
  thing: { rule: '20 个以内字符', fits: (_value, length) => length <= 20 },
  number: { rule: '32 位以内数字，可带小数', fits: (value) => /^\d+(?:\.\d+)?$/.test(value) && value.length <= 32 },
  letter: { rule: '32 位以内字母', fits: (value) => /^[A-Za-z]{1,32}$/.test(value) },
  symbol: { rule: '5 位以内符号', fits: (value) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(value) },
  character_string: {
    rule: '32 位以内数字、字母或符号',
    fits: (value) => /^[\x21-\x7e]{1,32}$/.test(value),
  },
  time: {
    rule: '24 小时制时间，可带年月日，如 2019年10月1日 15:01',
    fits: (value) => oneOrRange(`(?:${DATE}\\s*)?${TIME}`).test(value),
  },
  date: {
    rule: '年月日，可带 24 小时制时间，如 2019年10月1日',
    fits: (value) => oneOrRange(`${DATE}(?:\\s*${TIME})?`).test(value),
  },
  amount: {
    rule: '1 个币种符号加 10 位以内数字，可带小数，结尾可带“元”',
    fits: (value) => /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/.test(value),
  },
  phone_number: { rule: '17 位以内数字、符号', fits: (value) => /^[\d+\-() ]{1,17}$/.test(value) },
  car_number: {
    rule: '8 位以内，首末位可为汉字，其余为字母或数字',
    fits: (value) => /^\p{Script=Han}?[A-Za-z0-9]{1,7}\p{Script=Han}?$/u.test(value) && [...value].length <= 8,
  },
  name: {
    rule: '10 个以内汉字，或 20 个以内字母、符号',
    fits: (value, length) => (/\p{Script=Han}/u.test(value) ? length <= 10 : /^[\x20-\x7e]{1,20}$/.test(value)),
  },
  phrase: { rule: '5 个以内汉字', fits: (value, length) => HAN.test(value) && length <= 5 },
};

const THING_MAX = 20;

/**
 * The `data` for subscribeMessage.send from plain values by template key, each checked against its type's rule
 * (47003 from the platform otherwise, and the message is lost): a `thing` too long is shortened with "…", anything
 * else that breaks its rule, or is empty, is SubscribeFieldInvalid.
 */
export function subscribeMessageData(values: Readonly<Record<string, string>>): SubscribeMessageData {
  const data: SubscribeMessageData = {};
  for (const [key, raw] of Object.entries(values)) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
    const rule = type === undefined ? undefined : RULES[type];
    if (!rule) throw new SubscribeFieldInvalid(key, '未知的字段类型');
    const value = raw.trim();
    if (value === '') throw new SubscribeFieldInvalid(key, '不能为空');
    const characters = [...value];
    if (type === 'thing' && characters.length > THING_MAX) {
      data[key] = { value: `${characters.slice(0, THING_MAX - 1).join('')}…` };
    } else if (rule.fits(value, characters.length)) {
      data[key] = { value };
    } else {
      throw new SubscribeFieldInvalid(key, rule.rule);
    }
  }
  return data;
}

/** A moment as the `time` and `date` fields write it, in China Standard Time: 2026年11月26日 09:05. */
export function templateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // en-GB pads month and day; the Chinese date is written without leading zeros (2026年1月2日).
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日 ${part('hour')}:${part('minute')}`;
}
