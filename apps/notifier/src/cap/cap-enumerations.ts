import { z } from 'zod';

/** The closed value lists of CAP 1.2 (OASIS CAP-v1.2, section 3.2), spelled as the specification spells them. */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const CapStatus = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CapMsgType = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CapScope = ['Public', 'Restricted', 'Private'] as const;
export const CapCategory = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
export const CapResponseType = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const;
export const CapUrgency = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CapSeverity = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CapCertainty = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CapStatus)[number];
export type CapMsgType = (typeof CapMsgType)[number];
export type CapScope = (typeof CapScope)[number];
export type CapCategory = (typeof CapCategory)[number];
export type CapResponseType = (typeof CapResponseType)[number];
export type CapUrgency = (typeof CapUrgency)[number];
export type CapSeverity = (typeof CapSeverity)[number];
export type CapCertainty = (typeof CapCertainty)[number];

/** A required element with a closed list: "missing" and "not one of the list" are told apart, and the list is named. */
export const capEnum = <const T extends readonly [string, ...string[]]>(element: string, values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? `缺少必填元素 <${element}>`
        : `<${element}> 的值「${String(issue.input).slice(0, 40)}」无效，应为以下之一：${values.join('、')}`,
  });
