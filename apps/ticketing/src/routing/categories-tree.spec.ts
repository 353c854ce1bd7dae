import { DomainError } from '@libs/common/errors/domain-error';
import { Category, categoryTree, checkCategory, checkCategoryRemoval } from './categories-tree';

const category = (name: string, parentName: string | null, position = 0): Category => ({
  name,
  parentName,
  concludeWithinWorkingDays: null,
  position,
});

const categories: Category[] = [
  category('环境保护', null, 7),
  category('城乡建设', null, 5),
  category('违法建设', '城乡建设', 2),
  category('施工扰民', '城乡建设', 1),
  category('夜间施工', '施工扰民'),
];

const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, message: error.message };
    throw error;
  }
  return undefined;
};

describe('the category tree', () => {
  it('nests sub-categories under their parents, each level in order', () => {
    const tree = categoryTree(categories);
    expect(tree.map((node) => node.name)).toEqual(['城乡建设', '环境保护']);
    expect(tree[0].children.map((node) => node.name)).toEqual(['施工扰民', '违法建设']);
    expect(tree[0].children[0].children.map((node) => node.name)).toEqual(['夜间施工']);
  });

  it('keeps the seven labels at the top and lets nothing else join them', () => {
    expect(
      refusal(() => checkCategory(categories, { ...category('城乡建设', null), concludeWithinWorkingDays: 7 })),
    ).toBeUndefined();
    expect(refusal(() => checkCategory(categories, category('城乡建设', null)))).toBeUndefined();
    expect(refusal(() => checkCategory(categories, category('城乡建设', '环境保护')))?.kind).toBe('invalid');
    expect(refusal(() => checkCategory(categories, category('其他', null)))?.message).toContain('一级分类固定为');
  });

  it('hangs a sub-category under an existing category only', () => {
    expect(refusal(() => checkCategory(categories, category('物业服务', '城乡建设')))).toBeUndefined();
    expect(refusal(() => checkCategory(categories, category('物业服务', '住房')))?.message).toBe(
      '上级分类「住房」不存在',
    );
  });

  it('refuses to move a category under itself or one of its own sub-categories', () => {
    expect(refusal(() => checkCategory(categories, category('施工扰民', '夜间施工')))?.kind).toBe('invalid');
    expect(refusal(() => checkCategory(categories, category('施工扰民', '施工扰民')))?.kind).toBe('invalid');
    expect(refusal(() => checkCategory(categories, category('施工扰民', '环境保护')))).toBeUndefined();
  });

  it('removes neither a top-level label nor a category with sub-categories', () => {
    expect(refusal(() => checkCategoryRemoval(categories, '城乡建设'))?.kind).toBe('conflict');
    expect(refusal(() => checkCategoryRemoval(categories, '施工扰民'))?.message).toContain('夜间施工');
    expect(refusal(() => checkCategoryRemoval(categories, '夜间施工'))).toBeUndefined();
  });
});
