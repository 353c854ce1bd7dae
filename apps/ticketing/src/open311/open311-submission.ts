import { z } from 'zod';
import { MAX_CITIZEN_TEXT } from '@libs/common/contracts/common-fields';
import { InvalidOpen311Input } from './open311-errors';
import { Open311Service } from './open311-services';

/** Room kept in the ticket's text for the location and picture lines added below the description. */
const ADDRESS_MAX = 200;
const ADDRESS_ID_MAX = 64;
const MEDIA_URL_MAX = 300;
const LINES_RESERVE = 700;
/** The spec allows 4,000 characters; a ticket holds MAX_CITIZEN_TEXT, the location lines included. */
export const DESCRIPTION_MAX = MAX_CITIZEN_TEXT - LINES_RESERVE;

// Tab, line feed and carriage return are text; other control characters are not, in any field.
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;
const LINE_BREAK = /[\r\n\t]/u;

/** "Optional" in the spec: a field sent empty is the same as a field not sent. */
const blankAsMissing = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional());

const text = (field: string, max: number, options: { isMultiline?: boolean } = {}) =>
  z
    .string({ error: `${field} 应为文本` })
    .trim()
    .max(max, `${field} 不能超过 ${max} 个字`)
    .refine((value) => !CONTROL_CHARACTER.test(value), `${field} 含有无法识别的控制字符`)
    .refine((value) => options.isMultiline || !LINE_BREAK.test(value), `${field} 不能换行`);

const coordinate = (field: 'lat' | 'long', limit: number) =>
  optional(
    z.coerce
      .number({ error: `${field} 应为数字（WGS84 经纬度）` })
      .min(-limit, `${field} 应在 -${limit} 到 ${limit} 之间`)
      .max(limit, `${field} 应在 -${limit} 到 ${limit} 之间`),
  );

/** POST Service Request, as the spec names its fields (form-encoded or JSON). */
const SubmissionFields = z
  .object({
    service_code: z.preprocess(
      blankAsMissing,
      z.string({
        error: (issue) => (issue.input === undefined ? '缺少 service_code（服务类型代码）' : 'service_code 应为文本'),
      }),
    ),
    lat: coordinate('lat', 90),
    long: coordinate('long', 180),
    address_string: optional(text('address_string', ADDRESS_MAX)),
    address_id: optional(text('address_id', ADDRESS_ID_MAX)),
    description: optional(text('description', DESCRIPTION_MAX, { isMultiline: true })),
    email: optional(z.email({ error: 'email 格式不正确' }).max(254, 'email 格式不正确')),
    phone: optional(z.string({ error: 'phone 格式不正确' }).regex(/^\+?\d[\d -]{4,19}$/u, 'phone 格式不正确')),
    first_name: optional(text('first_name', 50)),
    last_name: optional(text('last_name', 50)),
    device_id: optional(text('device_id', 128)),
    account_id: optional(text('account_id', 64)),
    media_url: optional(
      z.url({ protocol: /^https?$/u, error: 'media_url 应为 http 或 https 网址' }).max(MEDIA_URL_MAX, 'media_url 过长'),
    ),
  })
  // Run even when a field is bad, so every problem is named at once; only presence is looked at here.
  .superRefine(
    (fields, ctx) => {
      if ((fields.lat === undefined) !== (fields.long === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'lat 和 long 需同时提供' });
      } else if (fields.lat === undefined && !fields.address_string && !fields.address_id) {
        ctx.addIssue({ code: 'custom', message: '请提供问题位置：lat 和 long、address_string 或 address_id 至少一项' });
      }
    },
    { when: () => true },
  );

export interface Open311Submission {
  serviceCode: string;
  point?: { lat: number; lon: number };
  addressString?: string;
  addressId?: string;
  description?: string;
  /** The submitter's contact details: personal data, stored only encrypted, never logged or published. */
  contact: {
    email?: string;
    phone?: string;
    firstName?: string;
    lastName?: string;
    deviceId?: string;
    accountId?: string;
  };
  mediaUrl?: string;
}

/** Reads a POST Service Request body; throws InvalidOpen311Input naming every problem, never echoing a value. */
export function parseSubmission(body: unknown): Open311Submission {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidOpen311Input(['请求体应为表单（application/x-www-form-urlencoded）或 JSON 对象']);
  }
  const parsed = SubmissionFields.safeParse(body);
  if (!parsed.success) throw new InvalidOpen311Input([...new Set(parsed.error.issues.map((issue) => issue.message))]);
  const fields = parsed.data;
  return {
    serviceCode: fields.service_code,
    ...(fields.lat !== undefined && fields.long !== undefined ? { point: { lat: fields.lat, lon: fields.long } } : {}),
    addressString: fields.address_string,
    addressId: fields.address_id,
    description: fields.description,
    contact: {
      email: fields.email,
      phone: fields.phone,
      firstName: fields.first_name,
      lastName: fields.last_name,
      deviceId: fields.device_id,
      accountId: fields.account_id,
    },
    mediaUrl: fields.media_url,
  };
}

/**
 * The ticket's text as the handling department reads it: the submitter's description, then where and the picture.
 * Contact details stay out of it; they are kept apart, encrypted.
 */
export function descriptionForDepartment(submission: Open311Submission, service: Open311Service): string {
  const place = [
    submission.addressString,
    submission.addressId && `地址编号 ${submission.addressId}`,
    submission.point && `经纬度 ${roundedDegrees(submission.point.lat)}, ${roundedDegrees(submission.point.lon)}`,
  ].filter(Boolean);
  return [
    submission.description ?? `（提交方未填写问题描述，服务类型：${service.category}）`,
    `问题位置：${place.join('；')}`,
    submission.mediaUrl && `现场图片：${submission.mediaUrl}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Six decimals of a degree are about 0.1 m: finer says nothing more on the ground. */
function roundedDegrees(degrees: number): number {
  return Number(degrees.toFixed(6));
}
