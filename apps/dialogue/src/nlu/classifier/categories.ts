/** The department categories (一级分类) complaints are routed by: the labels of the citizen-message data. */
export const CATEGORIES = [
  '交通运输',
  '劳动和社会保障',
  '卫生计生',
  '商贸旅游',
  '城乡建设',
  '教育文体',
  '环境保护',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(label: string): label is Category {
  return (CATEGORIES as readonly string[]).includes(label);
}
