/**
 * Which <geocode> entries name Chinese administrative divisions (行政区划代码, GB/T 2260, six digits), the codes
 * targeting matches subscribers by. valueName, case and spaces ignored: "GB/T 2260", "GB/T2260", "GB2260",
 * "ADCODE", "行政区划代码". Others (SAME, FIPS, UGC…) are kept with the area but do not target anyone.
 */
const REGION_GEOCODE_NAMES = new Set(['gb/t2260', 'gb2260', 'adcode', '行政区划代码']);

const SIX_DIGITS = /^\d{6}$/;

export const isRegionGeocode = (valueName: string) =>
  REGION_GEOCODE_NAMES.has(valueName.replace(/\s+/g, '').toLowerCase());

/** A problem with one geocode, or undefined when it is fine (or not a region code at all). */
export function regionGeocodeProblem(valueName: string, value: string): string | undefined {
  if (!isRegionGeocode(valueName) || SIX_DIGITS.test(value)) return undefined;
  return `行政区划代码（${valueName}）须为 6 位数字，如 440106，现为「${value.slice(0, 20)}」`;
}

/** The region codes among geocodes, each once, in the order given. */
export function regionCodesOf(geocodes: Array<{ valueName: string; value: string }>): string[] {
  const codes = geocodes.filter((geocode) => isRegionGeocode(geocode.valueName) && SIX_DIGITS.test(geocode.value));
  return [...new Set(codes.map((geocode) => geocode.value))];
}
