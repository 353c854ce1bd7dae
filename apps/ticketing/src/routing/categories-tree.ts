import { COMPLAINT_CATEGORIES, isComplaintCategory } from '@libs/common/contracts/complaint-categories';
import { DomainError } from '@libs/common/errors/domain-error';

/** A category (分类) as stored: a top-level label of the citizen-message data, or a sub-category under a parent. */
export interface Category {
  name: string;
  parentName: string | null;
  /** 办结时限 in working days; null: the parent's, and at the top the configured default. */
  concludeWithinWorkingDays: number | null;
  position: number;
}

export interface CategoryTreeNode extends Category {
  children: CategoryTreeNode[];
}

/** The categories as a tree, each level in its order. */
export function categoryTree(categories: Category[]): CategoryTreeNode[] {
  const byParent = new Map<string | null, Category[]>();
  for (const category of categories) {
    byParent.set(category.parentName, [...(byParent.get(category.parentName) ?? []), category]);
  }
  const grow = (parent: string | null, seen: Set<string>): CategoryTreeNode[] =>
    (byParent.get(parent) ?? [])
      .filter((category) => !seen.has(category.name))
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'zh'))
      .map((category) => ({
        ...category,
        children: grow(category.name, new Set([...seen, category.name])),
      }));
  return grow(null, new Set());
}

/** Whether `candidate` is `node` or lies below it, following `parentOf` upwards. */
export function isSelfOrBelow(candidate: string, node: string, parentOf: (name: string) => string | null): boolean {
  const visited = new Set<string>();
  for (let current: string | null = candidate; current !== null; current = parentOf(current)) {
    if (current === node) return true;
    if (visited.has(current)) return false;
    visited.add(current);
  }
  return false;
}

/**
 * Whether a category may be saved so. The top level is the fixed label set dialogue classifies into: those stay at
 * the top, and nothing else may join them. A sub-category hangs under an existing category, never under itself or
 * one of its own sub-categories.
 */
export function checkCategory(existing: Category[], change: Omit<Category, 'position'>): void {
  const byName = new Map(existing.map((category) => [category.name, category]));
  if (isComplaintCategory(change.name)) {
    if (change.parentName !== null) {
      throw new DomainError('invalid', `「${change.name}」是一级分类，不能设置上级分类`);
    }
    return;
  }
  if (change.parentName === null) {
    throw new DomainError(
      'invalid',
      `一级分类固定为：${COMPLAINT_CATEGORIES.join('、')}；「${change.name}」请设置上级分类（parentName）`,
    );
  }
  if (!byName.has(change.parentName)) {
    throw new DomainError('invalid', `上级分类「${change.parentName}」不存在`);
  }
  const parentOf = (name: string) =>
    name === change.name ? change.parentName : (byName.get(name)?.parentName ?? null);
  if (isSelfOrBelow(change.parentName, change.name, parentOf)) {
    throw new DomainError('invalid', `「${change.parentName}」是「${change.name}」本身或其下级分类，不能作为其上级`);
  }
}

/** Whether a category may be removed: never a top-level label, never one with sub-categories. */
export function checkCategoryRemoval(existing: Category[], name: string): void {
  if (isComplaintCategory(name)) throw new DomainError('conflict', `「${name}」是一级分类，不能删除`);
  const children = existing.filter((category) => category.parentName === name).map((category) => category.name);
  if (children.length > 0) {
    throw new DomainError('conflict', `「${name}」下还有子分类（${children.join('、')}），请先删除或移走`);
  }
}
