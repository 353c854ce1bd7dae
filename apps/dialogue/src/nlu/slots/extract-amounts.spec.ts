import { extractSlots } from './extract-slots';

const amountsIn = (text: string) => extractSlots(text).amounts;

describe('amount slot', () => {
  it.each([
    ['月收入1.5万', { monthlyIncome: 15000 }],
    ['月薪15000元', { monthlyIncome: 15000 }],
    ['我月薪一万五', { monthlyIncome: 15000 }],
    ['工资8千', { monthlyIncome: 8000 }],
    ['我一个月挣6000', { monthlyIncome: 6000 }],
    ['每个月到手7500', { monthlyIncome: 7500, incomeBasis: 'afterTax' }],
    ['税前一万二', { monthlyIncome: 12000, incomeBasis: 'preTax' }],
    ['月薪税前15k', { monthlyIncome: 15000, incomeBasis: 'preTax' }],
    ['年收入20万', { annualIncome: 200000 }],
    ['我年薪30w', { annualIncome: 300000 }],
    ['年薪税前30万', { annualIncome: 300000, incomeBasis: 'preTax' }],
    ['年终奖3万怎么交税', { annualBonus: 30000 }],
    ['房租2500一个月', { monthlyRent: 2500 }],
    ['住房租金1500', { monthlyRent: 1500 }],
    ['家庭月收入9000', { familyMonthlyIncome: 9000 }],
    ['我家每个月收入8000', { familyMonthlyIncome: 8000 }],
    ['家庭人均月收入2000', { perCapitaMonthlyIncome: 2000 }],
    ['1.2w', { other: [12000] }],
    ['一万五', { other: [15000] }],
    ['三千五百', { other: [3500] }],
    ['五百块够吗', { other: [500] }],
    ['欠了我两万', { other: [20000] }],
    ['公司拖欠工资2万', { other: [20000] }],
  ])('reads %s', (text, amounts) => {
    expect(amountsIn(text)).toEqual(amounts);
  });

  it('gives each figure its own role in one message', () => {
    expect(amountsIn('年终奖36000元，月薪两万，房租3000')).toEqual({
      annualBonus: 36000,
      monthlyIncome: 20000,
      monthlyRent: 3000,
    });
  });

  it('marks a figure that is a bound or an estimate', () => {
    expect(amountsIn('家庭人均月收入不到3000')).toEqual({
      perCapitaMonthlyIncome: 3000,
      bounds: { perCapitaMonthlyIncome: 'atMost' },
    });
    expect(amountsIn('我月入1万2左右')).toEqual({ monthlyIncome: 12000, bounds: { monthlyIncome: 'about' } });
    expect(amountsIn('月收入一万多')).toEqual({ monthlyIncome: 10000, bounds: { monthlyIncome: 'atLeast' } });
  });

  it('reads having no income as 0', () => {
    expect(amountsIn('我现在没有收入')).toEqual({ monthlyIncome: 0 });
    expect(amountsIn('老婆没有收入，我月收入5000')).toEqual({ monthlyIncome: 5000 });
  });

  it('does not take a threshold asked about for the citizen’s income', () => {
    expect(amountsIn('月收入5000以下能申请吗')).toBeUndefined();
  });

  it.each([
    '我有2套房，90平',
    '一家三口',
    '社保交了3年',
    '我今年70岁',
    '社保一个月交多少',
    '月收入多少可以申请',
    '2026年12月3日',
    '电话13800138000',
    '身份证440106199001011234',
    '工单GD20261126000001',
    '万一没批下来怎么办',
    '工资三个月没发了',
    '住5号楼1203房',
    '有3.5%的利率',
    '我想问一下一共多少钱',
    '罚没收入要上缴',
    '加班无工资',
    '人社厅410室投诉',
    '国营八五三一厂的工资',
    '拖欠工资几十万',
  ])('finds no amount in %s', (text) => {
    expect(amountsIn(text)).toBeUndefined();
  });
});
