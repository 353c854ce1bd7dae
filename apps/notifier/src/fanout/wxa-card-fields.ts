import { z } from 'zod';
import { CARD_SOURCES, CardSource } from './alert-text';

/** The fields of the usual 预警通知 template: 预警标题 thing1, 发布时间 time2, 防御指引 thing3. */
export const DEFAULT_CARD_FIELDS = 'thing1:headline,time2:sent,thing3:instruction';

export type CardFields = ReadonlyArray<{ key: string; source: CardSource }>;

/**
 * ALERT_WXA_TEMPLATE_FIELDS: which key of the alert template (WXA_ALERT_TEMPLATE_ID, as the admin console lists its
 * keys) shows what of the alert, `key:source` comma-separated, sources being headline, event, instruction, sender
 * and sent. Each key once; a key's type (thing, time…) decides its rules when the message is sent.
 */
export const CardFieldList = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_CARD_FIELDS),
  z.string().transform((list, ctx) => {
    const fields: Array<{ key: string; source: CardSource }> = [];
    for (const entry of list.split(',').map((part) => part.trim())) {
      const [key, source, ...rest] = entry.split(':').map((part) => part.trim());
      const known = CARD_SOURCES.find((candidate) => candidate === source);
      if (!/^[a-z_]+\d+$/.test(key ?? '') || !known || rest.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" must be key:source, a template key such as thing1 and one of ${CARD_SOURCES.join(', ')}`,
        });
        return z.NEVER;
      }
      if (fields.some((field) => field.key === key)) {
        ctx.addIssue({ code: 'custom', message: `template key ${key} is named twice` });
        return z.NEVER;
      }
      fields.push({ key, source: known });
    }
    return fields;
  }),
);
