import { Lang } from '@libs/common/contracts/common-fields';

/** CAP's default <language> when an <info> names none (CAP 1.2, 3.2.2). */
export const CAP_DEFAULT_LANGUAGE = 'en-US';

/** An RFC 3066 tag, as CAP asks: "zh-CN", "en", "ug-Arab-CN". */
export const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The language we render an <info> block in, from its tag: zh and zh-* → zh, en and en-* → en, ug and ug-* → ug.
 * Other languages (es-US in the AMBER example) are kept as published but are not sent: null.
 */
export function renderLanguageOf(tag: string): Lang | null {
  const primary = tag.split('-')[0].toLowerCase();
  const parsed = Lang.safeParse(primary);
  return parsed.success ? parsed.data : null;
}
