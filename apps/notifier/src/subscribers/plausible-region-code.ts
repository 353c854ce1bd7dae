import { z } from 'zod';
import { RegionCode } from '@libs/common/contracts/common-fields';

/** The province-level prefixes of GB/T 2260: 31 provinces, autonomous regions and municipalities, Taiwan, HK, Macao. */
// prettier-ignore
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/**
 * A code that can name a region: six digits, a real province prefix, and no district without a city (440006 is
 * nobody's district). Without the full code table this cannot tell that 440199 does not exist; it catches typos
 * such as a dropped digit or a code from another numbering (not all: 510000, Guangzhou's postcode, is also the
 * code of Sichuan province).
 */
export function isPlausibleRegionCode(code: string): boolean {
  if (!RegionCode.safeParse(code).success) return false;
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return false;
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}

/** A region code as a subscriber gives it, with the reason in words when it cannot be one. */
export const SubscriberRegionCode = z
  .string({ error: '行政区划代码应为 6 位数字' })
  .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
  // Only for six digits (one reason per code), without aborting the whole body: its other problems are named too.
  .refine(isPlausibleRegionCode, {
    message: '不是有效的行政区划代码：前两位不是省级代码，或区县代码缺少所属城市',
    when: (payload) => payload.issues.length === 0,
  });
