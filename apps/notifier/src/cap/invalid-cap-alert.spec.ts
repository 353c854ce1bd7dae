import { InvalidCapAlert, issuePath } from './invalid-cap-alert';

describe('a refused CAP document', () => {
  it('writes element paths as an officer reads them', () => {
    expect(issuePath(['info', 0, 'area', 1, 'polygon', 0])).toBe('info[0].area[1].polygon[0]');
    expect(issuePath(['identifier'])).toBe('identifier');
    expect(issuePath([])).toBe('');
  });

  it('lists every problem in its message and in its details, as a 400', () => {
    const error = new InvalidCapAlert([
      { path: 'identifier', message: '缺少必填元素 <identifier>' },
      { path: '', message: 'XML 格式错误' },
    ]);
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe(
      'CAP 1.2 预警文档未通过校验，共 2 处问题：identifier：缺少必填元素 <identifier>；XML 格式错误',
    );
    expect(error.details).toEqual({ issues: error.issues });
  });

  it('keeps the answer bounded when a document repeats one mistake thousands of times', () => {
    const issues = Array.from({ length: 5000 }, (_, n) => ({ path: `info[${n}]`, message: '缺少必填元素 <event>' }));
    const error = new InvalidCapAlert(issues);
    expect(error.message).toContain('共 5000 处问题');
    expect(error.details).toEqual({ issues: issues.slice(0, 50) });
  });
});
