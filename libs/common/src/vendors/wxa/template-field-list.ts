import { z } from 'zod';

export type TemplateFields<S extends string> = ReadonlyArray<{ key: string; source: S }>;

/**
 * A setting naming which key of a subscribe-message template (as the admin console lists its keys) shows what:
 * `key:source` comma-separated, each source one of `sources`, each key once; unset or empty, `defaultList`. A key's
 * type (thing, time…) decides its rules when the message is sent (subscribe-message-data.ts).
 */
export function templateFieldList<S extends string>(sources: readonly S[], defaultList: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value : defaultList),
    z.string().transform((list, ctx): TemplateFields<S> => {
      const fields: Array<{ key: string; source: S }> = [];
      for (const entry of list.split(',').map((part) => part.trim())) {
        const [key, source, ...rest] = entry.split(':').map((part) => part.trim());
        const known = sources.find((candidate) => candidate === source);
        if (!/^[a-z_]+\d+$/.test(key ?? '') || !known || rest.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" must be key:source, a template key such as thing1 and one of ${sources.join(', ')}`,
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
}
