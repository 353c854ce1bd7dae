import { DepartmentEntity } from './department.entity';
import { RoutingTable } from './routing-table';

const department = (code: string, isDefaultDesk = false): DepartmentEntity =>
  Object.assign(new DepartmentEntity(), { code, name: code, regionCode: '440106', isDefaultDesk });

const table = new RoutingTable(
  [
    { name: '城乡建设', parentName: null, concludeWithinWorkingDays: null, position: 1 },
    { name: '施工扰民', parentName: '城乡建设', concludeWithinWorkingDays: 3, position: 1 },
    { name: '夜间施工', parentName: '施工扰民', concludeWithinWorkingDays: null, position: 1 },
    { name: '环境保护', parentName: null, concludeWithinWorkingDays: 10, position: 2 },
    { name: '噪声污染', parentName: '环境保护', concludeWithinWorkingDays: null, position: 1 },
  ],
  [department('desk', true), department('city-zjj'), department('th-zjj'), department('th-noise')],
  [
    { category: '城乡建设', regionCode: '440100', departmentCode: 'city-zjj' },
    { category: '城乡建设', regionCode: '440106', departmentCode: 'th-zjj' },
    { category: '噪声污染', regionCode: '440106', departmentCode: 'th-noise' },
  ],
);

describe('RoutingTable', () => {
  it('routes by the most specific region of the category', () => {
    expect(table.departmentFor('城乡建设', '440106').code).toBe('th-zjj');
    expect(table.departmentFor('城乡建设', '440104').code).toBe('city-zjj');
  });

  it("routes a sub-category by its parents' rules when it has none of its own", () => {
    expect(table.departmentFor('夜间施工', '440106').code).toBe('th-zjj');
    expect(table.departmentFor('夜间施工', '440111').code).toBe('city-zjj');
  });

  it("prefers the sub-category's own rule to its parent's", () => {
    expect(table.departmentFor('噪声污染', '440106').code).toBe('th-noise');
  });

  it('sends what no rule covers to the desk: an unknown category, a region outside every rule', () => {
    expect(table.departmentFor('不存在的分类', '440106').code).toBe('desk');
    expect(table.departmentFor('噪声污染', '440104').code).toBe('desk');
    expect(table.departmentFor('城乡建设', '110101').code).toBe('desk');
  });

  it('takes the time limit of the category, else of the nearest parent that sets one', () => {
    expect(table.concludeWithinWorkingDays('施工扰民')).toBe(3);
    expect(table.concludeWithinWorkingDays('夜间施工')).toBe(3);
    expect(table.concludeWithinWorkingDays('噪声污染')).toBe(10);
    expect(table.concludeWithinWorkingDays('城乡建设')).toBeNull();
    expect(table.concludeWithinWorkingDays('不存在的分类')).toBeNull();
  });

  it('refuses to be built without a default desk', () => {
    expect(() => new RoutingTable([], [department('a')], [])).toThrow('no default desk');
  });
});
