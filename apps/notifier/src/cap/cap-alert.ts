import { z } from 'zod';
import { readCapDateTime } from './cap-datetime';
import {
  CapCategory,
  capEnum,
  CapCertainty,
  CapMsgType,
  CapResponseType,
  CapScope,
  CapSeverity,
  CapStatus,
  CapUrgency,
} from './cap-enumerations';
import { readCircle, readPolygon, Reading } from './cap-geometry';
import { CAP_DEFAULT_LANGUAGE, LANGUAGE_TAG, renderLanguageOf } from './cap-language';
import { FORBIDDEN_IN_IDS, readReferences } from './cap-references';
import { regionCodesOf, regionGeocodeProblem } from './region-geocodes';
import { readWarningColour, WARNING_COLOUR_LABEL, WarningColour } from './warning-colour';

/**
 * A CAP 1.2 alert (OASIS CAP-v1.2, section 3), checked against the specification's rules. One schema for both
 * forms we accept:
 * - XML: the <alert> element as cap-xml.ts reads it;
 * - JSON: the same, written as JSON. Keys are the CAP element names exactly as the specification spells them
 *   (already camelCase: msgType, areaDesc, valueName…), the children of <alert> at the top level (no "alert"
 *   wrapper). Values are text as in XML: times "2026-06-12T08:30:00+08:00", polygons "lat,lon lat,lon …", circles
 *   "lat,lon radius-km". Elements that may repeat (info, area, polygon, circle, geocode, parameter, eventCode,
 *   category, responseType, code) are arrays; a single one may also be given alone.
 * Elements we do not use (resource, the digital signature) are checked no further and dropped: the original document
 * is kept as it came. Every problem is reported at once, at its element's path.
 */

const missing = (element: string) => `缺少必填元素 <${element}>`;

/** Blank is absent (an empty <note/> says nothing), and text is compared trimmed. */
const blankAsMissing = (value: unknown) => {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const text = (element: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? missing(element)
        : Array.isArray(issue.input)
          ? `<${element}> 只能出现一次`
          : `<${element}> 应为文本，不能含子元素`,
  });

const required = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional());

/** Zero or more of an element: absent is none, one alone is a list of one. */
const many = <S extends z.ZodType>(item: S, options: { atLeastOne?: string } = {}) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]),
    options.atLeastOne ? z.array(item).min(1, missing(options.atLeastOne)) : z.array(item),
  );

const element = <T extends z.ZodRawShape>(name: string, shape: T) =>
  z.object(shape, {
    error: (issue) => (issue.input === undefined ? missing(name) : `<${name}> 应由子元素组成`),
  });

/** identifier and sender: CAP 1.2 forbids spaces, commas and the restricted characters < and &. */
const messageId = (name: string) =>
  required(
    text(name)
      .max(200, `<${name}> 不能超过 200 个字符`)
      .refine((value) => !FORBIDDEN_IN_IDS.test(value), `<${name}> 不能含有空格、逗号、< 或 &`),
  );

const readWith =
  <T>(read: (text: string) => Reading<T>) =>
  (value: string, ctx: z.RefinementCtx): T => {
    const reading = read(value);
    if ('problem' in reading) {
      ctx.addIssue({ code: 'custom', message: reading.problem });
      return z.NEVER;
    }
    return reading.value;
  };

const dateTime = (name: string) =>
  text(name).transform(
    readWith((value) => {
      const reading = readCapDateTime(value);
      return 'at' in reading ? { value: reading.at } : { problem: `<${name}> ${reading.problem}` };
    }),
  );

const decimal = (name: string) =>
  text(name)
    .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, `<${name}> 应为数字`)
    .transform(Number);

const namedValue = (name: string) =>
  element(name, {
    valueName: required(text('valueName')),
    value: z.preprocess(
      (value) => (value === undefined || value === null ? '' : (blankAsMissing(value) ?? '')),
      text('value'),
    ),
  });

const CapArea = element('area', {
  areaDesc: required(text('areaDesc')),
  polygon: many(required(text('polygon').transform(readWith(readPolygon)))),
  circle: many(required(text('circle').transform(readWith(readCircle)))),
  geocode: many(
    namedValue('geocode').superRefine((geocode, ctx) => {
      const problem = regionGeocodeProblem(geocode.valueName, geocode.value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
    }),
  ),
  altitude: optional(decimal('altitude')),
  ceiling: optional(decimal('ceiling')),
})
  .refine((area) => area.ceiling === undefined || area.altitude !== undefined, {
    message: '有 <ceiling> 时须同时给出 <altitude>',
    path: ['ceiling'],
  })
  .transform((area) => ({ ...area, regionCodes: regionCodesOf(area.geocode) }));

const CapInfo = element('info', {
  language: optional(text('language').regex(LANGUAGE_TAG, '<language> 应为 RFC 3066 语言代码，如 zh-CN、en-US、ug')),
  category: many(required(capEnum('category', CapCategory)), { atLeastOne: 'category' }),
  event: required(text('event')),
  responseType: many(required(capEnum('responseType', CapResponseType))),
  urgency: required(capEnum('urgency', CapUrgency)),
  severity: required(capEnum('severity', CapSeverity)),
  certainty: required(capEnum('certainty', CapCertainty)),
  audience: optional(text('audience')),
  eventCode: many(namedValue('eventCode')),
  effective: optional(dateTime('effective')),
  onset: optional(dateTime('onset')),
  expires: optional(dateTime('expires')),
  senderName: optional(text('senderName')),
  headline: optional(text('headline')),
  description: optional(text('description')),
  instruction: optional(text('instruction')),
  web: optional(
    text('web').refine((value) => URL.canParse(value), '<web> 应为完整网址，如 https://www.example.gov.cn/…'),
  ),
  contact: optional(text('contact')),
  parameter: many(namedValue('parameter')).superRefine((parameters, ctx) => {
    const reading = readWarningColour(parameters);
    if ('problem' in reading) ctx.addIssue({ code: 'custom', message: reading.problem });
  }),
  area: many(CapArea),
}).transform((info) => {
  const language = info.language ?? CAP_DEFAULT_LANGUAGE;
  const colour = readWarningColour(info.parameter);
  return {
    ...info,
    language,
    /** The language we send this block in; null when we do not (es-US). */
    lang: renderLanguageOf(language),
    warningColour: 'colour' in colour ? colour.colour : null,
  };
});

/** msgTypes that speak of earlier messages, which <references> must then name (CAP 1.2, 3.2.1). */
const REFERRING: ReadonlyArray<string> = ['Update', 'Cancel', 'Ack', 'Error'];
/** Our rule, not CAP's: an alert to deliver must say what and where, in at least one <info>. */
const DELIVERED: ReadonlyArray<string> = ['Alert', 'Update'];

export const CapDocument = z
  .object(
    {
      identifier: messageId('identifier'),
      sender: messageId('sender'),
      sent: required(dateTime('sent')),
      status: required(capEnum('status', CapStatus)),
      msgType: required(capEnum('msgType', CapMsgType)),
      source: optional(text('source')),
      scope: required(capEnum('scope', CapScope)),
      restriction: optional(text('restriction')),
      addresses: optional(text('addresses')),
      code: many(required(text('code'))),
      note: optional(text('note')),
      references: optional(
        text('references').transform((value, ctx) => {
          const reading = readReferences(value);
          if ('value' in reading) return reading.value;
          for (const problem of reading.problems) ctx.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }),
      ),
      incidents: optional(text('incidents')),
      info: many(CapInfo),
    },
    { error: () => '请求体应为一份 CAP 1.2 预警（<alert> 的各子元素）' },
  )
  .superRefine(
    (alert, ctx) => {
      // Checked even when other elements are wrong, so a document is corrected in one go.
      if (typeof alert !== 'object' || alert === null) return;
      const rule = (isBroken: boolean, path: string, message: string) => {
        if (isBroken) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      rule(
        alert.scope === 'Restricted' && alert.restriction === undefined,
        'restriction',
        '<scope> 为 Restricted 时须有 <restriction>，说明此预警限于哪些接收者',
      );
      rule(
        alert.scope === 'Private' && alert.addresses === undefined,
        'addresses',
        '<scope> 为 Private 时须有 <addresses>，列出接收者',
      );
      rule(
        REFERRING.includes(alert.msgType) && alert.references === undefined,
        'references',
        `<msgType> 为 ${alert.msgType} 时须有 <references>，列出所指的原预警（发布者,标识符,发布时间）`,
      );
      rule(
        DELIVERED.includes(alert.msgType) && Array.isArray(alert.info) && alert.info.length === 0,
        'info',
        `<msgType> 为 ${alert.msgType} 的预警须至少有一个 <info>，写明事件、紧急程度、严重程度与区域，否则无法发送`,
      );
    },
    { when: () => true },
  )
  .transform((alert, ctx) => {
    const colours = [...new Set(alert.info.map((info) => info.warningColour).filter((colour) => colour !== null))];
    if (colours.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['info'],
        message: `各 <info> 的预警级别不一致：${colours.map((colour) => WARNING_COLOUR_LABEL[colour]).join('、')}`,
      });
      return z.NEVER;
    }
    return {
      ...alert,
      references: alert.references ?? [],
      /** 预警级别 from the <parameter>s (warning-colour.ts); null when none gives it. Not CAP's severity. */
      warningColour: (colours[0] ?? null) satisfies WarningColour | null,
    };
  });

export type CapAlert = z.output<typeof CapDocument>;
export type CapInfo = CapAlert['info'][number];
export type CapArea = CapInfo['area'][number];
