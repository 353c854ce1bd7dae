import { DateSlot } from '../nlu/slots/slots';

/** What a message asks of reminders: one on a date, to stop them, or news of policy changes (not offered yet). */
export type ReminderAsk = 'remind' | 'cancel' | 'policy_updates';

/** Asking for a reminder takes a sentence; a longer message is about something else. */
const MAX_CHARS = 60;

const ZH_REMIND = /(提醒我|提醒一下|给我提醒|帮我提醒|记得提醒|到时候?提醒|设个提醒|设置提醒|设一个提醒|定个提醒)/u;
const ZH_CANCEL = [
  /(取消|不用|不要|别再?|关闭|停止|删除|删掉)(一下)?(这个|那个|我的|办事)?提醒/u,
  /提醒.{0,2}(取消|不用了|不要了)/u,
];
/** 有新政策提醒我, 政策更新了通知我: news of changes, which is not a dated reminder. */
const ZH_POLICY = /(新政策|政策(有)?(更新|变化|调整|变动)|政策.{0,4}(出台|发布))/u;
const EN_REMIND = /\bremind me\b|\bset (a|up a) reminder\b/u;
const EN_CANCEL = /\b(cancel|stop|delete|remove|turn off)\b.{0,20}\breminders?\b|\bno more reminders\b/u;
const EN_POLICY = /\bpolic(y|ies)\b.{0,20}\b(change|changes|update|updates|new)\b|\bnew polic(y|ies)\b/u;
/** ئەسكەرت… (remind), with بىكار / توختات (cancel, stop). */
const UG_REMIND = /ئەسكەرت/u;
const UG_STOP = /(بىكار|توختات)/u;

/**
 * Whether a message asks for a reminder of a date (6月30日前提醒我办理个税年度汇算, 提醒我下周五去交材料, 到期前提醒我,
 * remind me on 2027-03-01), to cancel them (取消提醒), or to hear of new policies (有新政策提醒我). Alerts (预警) are
 * the alert flow's and are asked about before this.
 */
export function reminderAsked(text: string): ReminderAsk | undefined {
  const normal = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const compact = normal.replace(/[\s\p{P}]/gu, '');
  if ([...compact].length > MAX_CHARS) return undefined;
  if (UG_REMIND.test(compact)) return UG_STOP.test(compact) ? 'cancel' : 'remind';
  if (ZH_CANCEL.some((pattern) => pattern.test(compact)) || EN_CANCEL.test(normal)) return 'cancel';
  const remind = ZH_REMIND.test(compact) || EN_REMIND.test(normal);
  if (!remind) return undefined;
  return ZH_POLICY.test(compact) || EN_POLICY.test(normal) ? 'policy_updates' : 'remind';
}

const ZH_REMIND_WORDS = new RegExp(ZH_REMIND.source, 'gu');
/** Words around the thing to do that are not part of it: 请…, 到时候, 在…那天, …之前, 一下, 吧. */
const ZH_LEADING =
  /^(请|麻烦(你|您)?|帮我|你|您|到时候?|到期|截止|在|于|那天|当天|的时候|之前|以前|前|一下|我|要|，|,)+/u;
const ZH_TRAILING = /(吧|哦|啊|呀|呢|好吗|可以吗|谢谢|一下|的时候|那天|之前|以前|前)+$/u;
const EN_SUBJECT = /\bremind me\b\s*(?:to|about|of|that)?\s*(.*)$/u;
const EN_TRAILING = /\s*\b(on|by|before|at|in)\s*$/u;
const MAX_SUBJECT_CHARS = 40;

/**
 * What the citizen wants to be reminded of, in their words, without the date and the asking: 6月30日前提醒我办理个税
 * 年度汇算 → 办理个税年度汇算; 提醒我下周五去交材料 → 去交材料; 到期前提醒我 → undefined (said in an earlier answer).
 */
export function reminderSubject(text: string, dates: readonly Pick<DateSlot, 'text'>[]): string | undefined {
  let rest = text.normalize('NFKC').trim();
  for (const date of dates) rest = rest.replace(date.text, ' ');
  const english = EN_SUBJECT.exec(rest);
  if (english) {
    rest = english[1]
      .replace(/[.!?]+$/u, '')
      .replace(EN_TRAILING, '')
      .trim();
  } else {
    rest = rest.replace(ZH_REMIND_WORDS, ' ').replace(/[\s\p{P}]+/gu, '');
    for (let previous = ''; previous !== rest;) {
      previous = rest;
      rest = rest.replace(ZH_LEADING, '').replace(ZH_TRAILING, '');
    }
  }
  if (rest.length === 0) return undefined;
  return [...rest].slice(0, MAX_SUBJECT_CHARS).join('');
}
