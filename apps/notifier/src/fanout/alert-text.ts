import { Lang } from '@libs/common/contracts/common-fields';
import { templateTime } from '@libs/common/vendors/wxa/subscribe-message-data';

/** What of an <info> block a message is made of. */
export interface InfoForText {
  lang: Lang | null;
  event: string;
  headline: string | null;
  instruction: string | null;
  web: string | null;
  contact: string | null;
  senderName: string | null;
}

export type MessageKind = 'alert' | 'cancellation';

export interface TextRequest {
  kind: MessageKind;
  lang: Lang;
  elderMode: boolean;
  /** The infos of the alert (for a cancellation: the infos of the alert withdrawn). */
  infos: readonly InfoForText[];
  /** Vendors refuse links in an SMS template parameter: the approved template carries the link instead. */
  withLink: boolean;
  maxChars: number;
}

const LABELS: Record<
  Lang,
  {
    alert: string;
    cancelled: string;
    call: string;
    more: string;
    cancelledText: (what: string) => string;
    /** The card's headline of a cancellation, and what to do instead of the withdrawn instruction (both ≤ 20). */
    cancelledHeadline: (what: string) => string;
    cancelledInstruction: string;
    followNotices: string;
  }
> = {
  zh: {
    alert: '【预警】',
    cancelled: '【预警解除】',
    call: '如需帮助请拨打',
    more: '详情',
    cancelledText: (what) => `此前发布的“${what}”已解除，请留意后续通知。`,
    cancelledHeadline: (what) => `已解除：${what}`,
    cancelledInstruction: '预警已解除，请留意后续通知',
    followNotices: '请留意官方发布的后续通知',
  },
  en: {
    alert: '[Alert] ',
    cancelled: '[Alert cancelled] ',
    call: 'For help call',
    more: 'More',
    cancelledText: (what) => `The earlier warning "${what}" has been cancelled. Watch for further notices.`,
    cancelledHeadline: (what) => `Lifted: ${what}`,
    cancelledInstruction: 'Warning lifted',
    followNotices: 'Watch for official notices',
  },
  ug: {
    alert: '[ئاگاھلاندۇرۇش] ',
    cancelled: '[ئاگاھلاندۇرۇش بىكار قىلىندى] ',
    call: 'ياردەم ئۈچۈن تېلېفون',
    more: 'تەپسىلاتى',
    cancelledText: (what) => `ئىلگىرى ئېلان قىلىنغان «${what}» بىكار قىلىندى.`,
    cancelledHeadline: (what) => `بىكار قىلىندى: ${what}`,
    cancelledInstruction: 'ئاگاھلاندۇرۇش بىكار قىلىندى',
    followNotices: 'رەسمىي ئۇقتۇرۇشقا دىققەت قىلىڭ',
  },
};

/**
 * The text of an alert or of its cancellation for one recipient: from the <info> in their language, else the Chinese
 * one, else the first; its labels in the language of the info used (an English label on a Chinese text helps no one).
 * Elder mode adds the contact number to call. Cut to the vendor's parameter length, never in the middle of a character.
 */
export function alertText(request: TextRequest): string {
  const info = infoFor(request.infos, request.lang);
  if (!info) return '';
  const lang = info.lang ?? 'zh';
  const labels = LABELS[lang];
  const headline = info.headline ?? info.event;
  const parts =
    request.kind === 'alert'
      ? [labels.alert + sentence(headline, lang), info.instruction ? sentence(info.instruction, lang) : '']
      : [labels.cancelled + labels.cancelledText(headline)];
  if (request.elderMode && info.contact) parts.push(sentence(`${labels.call} ${info.contact}`, lang));
  if (request.withLink && info.web) parts.push(`${labels.more}: ${info.web}`);
  return cut(parts.filter((part) => part !== '').join(lang === 'zh' ? '' : ' '), request.maxChars);
}

export function infoFor<T extends { lang: Lang | null }>(infos: readonly T[], lang: Lang): T | undefined {
  return infos.find((info) => info.lang === lang) ?? infos.find((info) => info.lang === 'zh') ?? infos[0];
}

function sentence(text: string, lang: Lang): string {
  const trimmed = text.trim();
  if (/[。.!！?？]$/.test(trimmed)) return trimmed;
  return trimmed + (lang === 'zh' ? '。' : '.');
}

function cut(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** What a subscribe-message template field can show of an alert (ALERT_WXA_TEMPLATE_FIELDS maps keys to these). */
export const CARD_SOURCES = ['headline', 'event', 'instruction', 'sender', 'sent'] as const;
export type CardSource = (typeof CARD_SOURCES)[number];

export interface CardRequest {
  kind: MessageKind;
  lang: Lang;
  infos: readonly InfoForText[];
  /** The alert's <sent>. */
  sent: Date;
  /** Template key (`thing1`, `time2`…) → what it shows. */
  fields: ReadonlyArray<{ key: string; source: CardSource }>;
}

/** A `thing` field holds 20 characters (订阅消息参数值内容限制); longer is cut here, where the ellipsis is ours. */
const CARD_TEXT_MAX = 20;

/**
 * The values of an alert's subscribe-message card, by template key: short texts a `thing` field takes (≤ 20
 * characters, cut with "…"), the sending time as `time`/`date` fields write it. A card has no room for the full
 * text; tapping it is where the rest would be. Never an empty value (the platform drops the message): a missing
 * instruction or sender is replaced by something true.
 */
export function alertCardValues(request: CardRequest): Record<string, string> {
  const info = infoFor(request.infos, request.lang);
  const lang = info?.lang ?? 'zh';
  const labels = LABELS[lang];
  const headline = (info?.headline ?? info?.event ?? '').trim() || labels.followNotices;
  const isCancel = request.kind === 'cancellation';
  const value: Record<CardSource, () => string> = {
    headline: () => (isCancel ? labels.cancelledHeadline(headline) : headline),
    event: () => (isCancel ? labels.cancelledHeadline(info?.event ?? headline) : (info?.event ?? headline)),
    instruction: () => (isCancel ? labels.cancelledInstruction : info?.instruction?.trim() || labels.followNotices),
    sender: () => info?.senderName?.trim() || headline,
    sent: () => templateTime(request.sent),
  };
  return Object.fromEntries(
    request.fields.map(({ key, source }) => [key, cut(value[source]().replace(/\s+/g, ' '), CARD_TEXT_MAX)]),
  );
}
