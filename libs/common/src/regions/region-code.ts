/**
 * 行政区划代码 (GB/T 2260) are hierarchical: 440000 province ⊃ 440100 city ⊃ 440106 district.
 * How specific a code is (1 province, 2 city, 3 district), and whether one region contains another.
 */
export function regionLevel(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

export function regionContains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const level = regionLevel(outer);
  if (level === 1) return inner.slice(0, 2) === outer.slice(0, 2);
  if (level === 2) return inner.slice(0, 4) === outer.slice(0, 4);
  return false;
}
