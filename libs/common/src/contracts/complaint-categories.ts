/**
 * The top-level complaint categories (一级分类): the labels of the citizen-message data, so a message the dialogue
 * service classifies maps straight onto the category tree, the routing rules and the Open311 services.
 */
export const COMPLAINT_CATEGORIES = [
  '交通运输',
  '劳动和社会保障',
  '卫生计生',
  '商贸旅游',
  '城乡建设',
  '教育文体',
  '环境保护',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export function isComplaintCategory(label: string): label is ComplaintCategory {
  return (COMPLAINT_CATEGORIES as readonly string[]).includes(label);
}
