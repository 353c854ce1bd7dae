import { readWarningColour } from './warning-colour';

const parameter = (valueName: string, value: string) => ({ valueName, value });

describe('reading the warning colour (预警级别)', () => {
  it.each([
    ['预警级别', '橙色', 'orange'],
    ['预警级别', '红', 'red'],
    ['预警颜色', '黄色预警', 'yellow'],
    ['COLOR', 'Blue', 'blue'],
    ['colour', 'RED', 'red'],
    ['Warning_Color', 'orange', 'orange'],
    ['预警级别', 'Ⅳ级', 'blue'],
    ['预警级别', 'II级', 'orange'],
    ['预警等级', '一级', 'red'],
    ['预警级别', '三级', 'yellow'],
  ])('reads %s=%s as %s', (valueName, value, colour) => {
    expect(readWarningColour([parameter(valueName, value)])).toEqual({ colour });
  });

  it('leaves the colour unknown when no parameter names one, however severe the alert looks', () => {
    expect(readWarningColour([])).toEqual({ colour: null });
    // The OASIS homeland security example: ORANGE, but as the U.S. HSAS threat level, not a 预警级别.
    expect(readWarningColour([parameter('HSAS', 'ORANGE')])).toEqual({ colour: null });
  });

  it('refuses a colour parameter it cannot read, rather than guessing', () => {
    const reading = readWarningColour([parameter('预警级别', '紫色')]);
    expect('problem' in reading && reading.problem).toContain('预警级别参数 预警级别 的值「紫色」无法识别');
  });

  it('refuses parameters that contradict each other, and accepts the same colour said twice', () => {
    expect(readWarningColour([parameter('预警级别', '橙色'), parameter('COLOR', 'red')])).toEqual({
      problem: '预警级别参数互相矛盾：橙色、红色',
    });
    expect(readWarningColour([parameter('预警级别', '橙色'), parameter('COLOR', 'orange')])).toEqual({
      colour: 'orange',
    });
  });
});
