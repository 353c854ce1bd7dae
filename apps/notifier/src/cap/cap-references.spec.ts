import { readReferences } from './cap-references';

describe('reading CAP references', () => {
  it("reads the specification's earthquake update reference", () => {
    expect(readReferences('trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00')).toEqual({
      value: [{ sender: 'trinet@caltech.edu', identifier: 'TRI13970876.1', sent: '2003-06-11T20:30:00-07:00' }],
    });
  });

  it('reads several references separated by any whitespace, in order', () => {
    const reading = readReferences(' a@x.cn,ID-1,2026-06-12T08:00:00+08:00\n  a@x.cn,ID-2,2026-06-12T09:00:00+08:00 ');
    expect('value' in reading && reading.value.map((reference) => reference.identifier)).toEqual(['ID-1', 'ID-2']);
  });

  it('names every malformed entry, not only the first', () => {
    const reading = readReferences('a@x.cn,ID-1 a@x.cn,ID-2,yesterday a@x.cn,,2026-06-12T09:00:00+08:00');
    expect('problems' in reading && reading.problems).toEqual([
      expect.stringContaining('第 1 条引用「a@x.cn,ID-1」须写成「发布者,标识符,发布时间」'),
      expect.stringContaining('第 2 条引用「a@x.cn,ID-2,yesterday」的发布时间有误'),
      expect.stringContaining('第 3 条引用'),
    ]);
  });

  it('refuses an empty list', () => {
    expect(readReferences('   ')).toEqual({ problems: [expect.stringContaining('<references> 为空')] });
  });
});
