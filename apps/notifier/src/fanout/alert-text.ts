import { Lang } from '@libs/common/contracts/common-fields';

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
  { alert: string; cancelled: string; call: string; more: string; cancelledText: (what: string) => string }
> = {
  zh: {
    alert: '【预警】',
    cancelled: '【预警解除】',
    call: '如需帮助请拨打',
    more: '详情',
    cancelledText: (what) => `此前发布的“${what}”已解除，请留意后续通知。`,
  },
  en: {
    alert: '[Alert] ',
    cancelled: '[Alert cancelled] ',
    call: 'For help call',
    more: 'More',
    cancelledText: (what) => `The earlier warning "${what}" has been cancelled. Watch for further notices.`,
  },
  ug: {
    alert: '[ئاگاھلاندۇرۇش] ',
    cancelled: '[ئاگاھلاندۇرۇش بىكار قىلىندى] ',
    call: 'ياردەم ئۈچۈن تېلېفون',
    more: 'تەپسىلاتى',
    cancelledText: (what) => `ئىلگىرى ئېلان قىلىنغان «${what}» بىكار قىلىندى.`,
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
