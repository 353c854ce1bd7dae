import { extractSlots } from './extract-slots';

// Thursday 26 November 2026, Beijing.
const TODAY = '2026-11-26';
const datesIn = (text: string, today = TODAY) => extractSlots(text, { today }).dates;
const onlyDate = (text: string, today?: string) => datesIn(text, today)?.map((slot) => slot.date);

describe('date slot', () => {
  it.each([
    ['2026年12月3日之前要办完', '2026-12-03'],
    ['二〇二六年十二月三日', '2026-12-03'],
    ['2026-12-03', '2026-12-03'],
    ['2027/1/5号', '2027-01-05'],
    ['12月3日', '2026-12-03'],
    ['十二月三号去办', '2026-12-03'],
    ['今年6月30日前', '2026-06-30'],
    ['明年3月1日起施行', '2027-03-01'],
    ['今天能办吗', '2026-11-26'],
    ['明天上午', '2026-11-27'],
    ['后天', '2026-11-28'],
    ['大后天', '2026-11-29'],
    ['昨天交的材料', '2026-11-25'],
    ['前天晚上', '2026-11-24'],
    ['下周一', '2026-11-30'],
    ['下星期三', '2026-12-02'],
    ['下礼拜天', '2026-12-06'],
    ['这周五之前能办好吗', '2026-11-27'],
    ['本周一', '2026-11-23'],
    ['上周二提交的', '2026-11-17'],
    ['下下周三有空', '2026-12-09'],
    ['3天后', '2026-11-29'],
    ['下个月5号', '2026-12-05'],
    ['这个月底', '2026-11-30'],
    ['月底前', '2026-11-30'],
    ['下个月底', '2026-12-31'],
    ['年底前要交', '2026-12-31'],
    ['明年年底', '2027-12-31'],
    ['2月底', '2027-02-28'],
  ])('reads %s as %s', (text, date) => {
    expect(onlyDate(text)).toEqual([date]);
  });

  it('marks a deadline and a start', () => {
    expect(datesIn('今年6月30日前')).toEqual([{ date: '2026-06-30', text: '今年6月30日前', relation: 'before' }]);
    expect(datesIn('截止到12月15号')).toEqual([{ date: '2026-12-15', text: '12月15号', relation: 'before' }]);
    expect(datesIn('下周一以后都可以')).toEqual([{ date: '2026-11-30', text: '下周一以后', relation: 'after' }]);
    expect(datesIn('1月1日起施行')?.[0]).toMatchObject({ date: '2027-01-01', relation: 'after' });
    expect(datesIn('12月3日前后')?.[0].relation).toBeUndefined();
  });

  it('puts a date without a year in the year nearest today', () => {
    expect(onlyDate('1月5日前要交', '2026-12-20')).toEqual(['2027-01-05']);
    expect(onlyDate('12月20日交的', '2027-01-03')).toEqual(['2026-12-20']);
    expect(onlyDate('3月份那次是3月2号', '2026-11-26')).toEqual(['2027-03-02']);
  });

  it('reads several dates in order', () => {
    expect(onlyDate('12月1日到12月15日之间')).toEqual(['2026-12-01', '2026-12-15']);
  });

  it('reads only dates carrying their year when it does not know today', () => {
    expect(extractSlots('2026年12月3日或者明天').dates?.map((slot) => slot.date)).toEqual(['2026-12-03']);
    expect(extractSlots('明天').dates).toBeUndefined();
  });

  it.each([
    '2月30日',
    '13月1日',
    '星期三去办可以吗',
    '周一到周五上班吗',
    '3月份社保没交',
    '2020年开始交社保',
    '住5号楼',
    '工单GD20261126000001',
    '社保交了3年',
    '我今年70岁',
    '今年收入20万',
    '安装后天然气接不上',
    '时至今日还没解决',
  ])('finds no date in %s', (text) => {
    expect(onlyDate(text)).toBeUndefined();
  });
});
