import { extractDates } from '../nlu/slots/extract-dates';
import { upcoming } from './reminder-timing';

export interface NamedDeadline {
  date: string;
  /** The answer's sentence that named it, without the date: what to remind of. */
  subject: string;
}

const SENTENCE = /[^。；;！!\n]+/gu;
/** Words of the deadline itself, not of the thing to do. */
const DEADLINE_WORDS = /(每年|每月|截止日期为?|截止到?|截至|最晚|最迟|须于|应于|请于|请在|需在|之前|以前|为止)/gu;
const NUMBERING = /^\s*(\d+[.、)]|[-•·])\s*/u;
const MAX_SUBJECT_CHARS = 40;

/**
 * The first deadline an answer names (6月30日前, 截止2027年3月31日), still ahead, with the sentence it is in: what
 * 到期前提醒我 in the next message refers to. Dates without a deadline word (办结后3天内) are not deadlines.
 */
export function deadlineNamedIn(texts: readonly string[], today: string): NamedDeadline | undefined {
  for (const text of texts) {
    // 每年6月30日前 is a date every year: read as the month and day, and taken as the next one.
    for (const sentence of (text.match(SENTENCE) ?? []).map((one) => one.replace(/每年/gu, ''))) {
      const deadline = extractDates(sentence, today)
        .filter((slot) => slot.relation === 'before')
        .map((slot) => ({ slot: upcoming(slot, today) }))
        .find(({ slot }) => slot.date >= today);
      if (!deadline) continue;
      const subject = sentence
        .replace(deadline.slot.text, '')
        .replace(DEADLINE_WORDS, '')
        .replace(NUMBERING, '')
        .replace(/[（(]\s*[)）]/gu, '')
        .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (subject.length > 0)
        return { date: deadline.slot.date, subject: [...subject].slice(0, MAX_SUBJECT_CHARS).join('') };
    }
  }
  return undefined;
}
