import { TicketSummaryV1 } from '@libs/common/contracts/ticket-commands.v1';
import { Slots } from '../nlu/slots/slots';

const KIND: Array<[TicketSummaryV1['kind'], RegExp]> = [
  ['举报', /举报/u],
  ['建议', /(建议|希望|能否|可否)/u],
  ['求助', /(求助|救助|帮帮|怎么办)/u],
];
const LEAD =
  /^(您好|你好|领导好|尊敬的领导)?[，,。！!\s]*(我要|我想|我来)?(投诉|举报|反映|建议|求助)?(一下)?[：:，,。\s]*/u;
const TIME = /(凌晨|早上|上午|中午|下午|傍晚|晚上|夜间|半夜|深夜)(?:[零一二两三四五六七八九十\d]{1,3}点(?:多|半)?)?/u;

/**
 * The first lines a handling department reads: what kind of request, the problem in a short phrase, where and when as
 * the citizen said them. Built from the citizen's own words and slots; contact details are never copied into it.
 */
export function summariseComplaint(text: string, slots: Slots): TicketSummaryV1 {
  const kind = KIND.find(([, pattern]) => pattern.test(text))?.[0] ?? '投诉';
  const firstClause = text.split(/[。！？!?；;\n]/u)[0] ?? text;
  const problem = withoutContacts(firstClause.replace(LEAD, '').split(/[，,]/u)[0] || firstClause).slice(0, 80);
  const region = slots.region?.status === 'resolved' ? slots.region.fullName : undefined;
  const date = slots.dates?.[0]?.date;
  const time = TIME.exec(text)?.[0];
  return {
    kind,
    problem: problem || '（见原文）',
    ...(region ? { place: region } : {}),
    ...(date || time ? { when: [date, time].filter(Boolean).join(' ') } : {}),
  };
}

function withoutContacts(text: string): string {
  return text
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/gu, '')
    .replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/gu, '')
    .trim();
}
