import { join } from 'node:path';
import { parse } from 'yaml';
import { CategoriesFile, categoryRows, readCategoriesFile } from './categories-file';

const sevenWith = (extra: string) => `
categories:
  - name: 交通运输
  - name: 劳动和社会保障
  - name: 卫生计生
  - name: 商贸旅游
  - name: 城乡建设
    children:
      - name: 违法建设
        concludeWithinWorkingDays: 10
${extra}
  - name: 教育文体
  - name: 环境保护
`;

describe('the categories file', () => {
  it('gives rows parents first, with their time limits', () => {
    const rows = categoryRows(CategoriesFile.parse(parse(sevenWith(''))));
    expect(rows.find((row) => row.name === '违法建设')).toEqual({
      name: '违法建设',
      parentName: '城乡建设',
      concludeWithinWorkingDays: 10,
      position: 1,
    });
    expect(rows.filter((row) => row.parentName === null)).toHaveLength(7);
  });

  it('refuses a tree whose top level is not the seven labels, or that names a category twice', () => {
    expect(CategoriesFile.safeParse(parse(sevenWith('  - name: 其他'))).success).toBe(false);
    expect(CategoriesFile.safeParse(parse(sevenWith('      - name: 违法建设'))).success).toBe(false);
    expect(CategoriesFile.safeParse(parse('categories:\n  - name: 城乡建设\n')).success).toBe(false);
  });

  it('reads the demo file', () => {
    const rows = categoryRows(readCategoriesFile(join(__dirname, '..', '..', '..', '..', 'demo')));
    expect(rows.filter((row) => row.parentName !== null).length).toBeGreaterThan(20);
  });
});
