import { extractSlots } from './extract-slots';

const yearsOf = (text: string) => extractSlots(text).socialInsuranceYears;

describe('years of social insurance', () => {
  it.each([
    ['社保交了3年', 3],
    ['缴纳社保满五年', 5],
    ['社保36个月', 3],
    ['交了两年社保', 2],
    ['交了三年半社保', 3.5],
    ['社保交了一年多', 1],
    ['连续缴纳社保满12个月', 1],
    ['社保缴费年限8年', 8],
    ['我在广州交了5年社保了', 5],
    ['社保18个月', 1.5],
    ['社保的话，交了5年了', 5],
    ['社保交了5年够吗', 5],
    ['没有交社保', 0],
    ['公司没给我交社保怎么办', 0],
    ['我没交过社保', 0],
    ['社保一直没交', 0],
  ])('reads %s as %d', (text, years) => {
    expect(yearsOf(text)).toBe(years);
  });

  it.each([
    '社保一个月交多少',
    '社保要交满15年才能领养老金吗',
    '社保交满5年才能申请吗',
    '社保断缴了半年',
    '补缴了3个月社保',
    '我社保交了不到一年',
    '社保交了快5年',
    '社保没交满5年',
    '社保卡没有了',
    '2020年开始交社保',
    '社保怎么查',
    '医保交了10年',
  ])('finds no figure in %s', (text) => {
    expect(yearsOf(text)).toBeUndefined();
  });
});
