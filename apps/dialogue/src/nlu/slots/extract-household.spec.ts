import { extractSlots } from './extract-slots';

const householdOf = (text: string, homeCityCode?: string) => extractSlots(text, { homeCityCode }).household;

describe('household registration', () => {
  it.each([
    ['本地户口', 'local'],
    ['我是本市户籍', 'local'],
    ['广州户口，想申请公租房', 'local'],
    ['我是广州市户籍', 'local'],
    ['户口在越秀区', 'local'],
    ['我户囗在广州', 'local'],
    ['我是天河区的农村户口', 'local'],
    ['我不是外地户口', 'local'],
    ['外地户口能申请公租房吗', 'nonLocal'],
    ['我是外地的', 'nonLocal'],
    ['我不是本地户口', 'nonLocal'],
    ['我没有广州户口', 'nonLocal'],
    ['户口不在广州', 'nonLocal'],
    ['我住在海珠区，但户口不是广州的', 'nonLocal'],
    ['我在东莞打工，户口在老家', 'nonLocal'],
    ['户口在湖南', 'nonLocal'],
    ['深圳户口', 'nonLocal'],
    ['我是来穗人员，想积分入户', 'nonLocal'],
    ['我们是外来务工人员', 'nonLocal'],
    ['我有居住证', 'nonLocal'],
    ['非本地户籍', 'nonLocal'],
  ])('reads %s as %s', (text, household) => {
    expect(householdOf(text)).toBe(household);
  });

  it('reads the city of the service from the configuration', () => {
    expect(householdOf('深圳户口', '440300')).toBe('local');
    expect(householdOf('广州户口', '440300')).toBe('nonLocal');
    expect(householdOf('我是来深建设者', '440300')).toBe('nonLocal');
  });

  it.each([
    '农村户口',
    '城镇户口可以吗',
    '广东户口',
    '需要本地户口吗',
    '只有本地户籍才能申请吗',
    '本地户口和外地户口有什么区别',
    '我老婆是广州户口',
    '我没有居住证',
    '户口本丢了怎么办',
    '我在广州工作',
    '来穗人员积分入户怎么办理',
    '外来人员随意进出小区',
    '景区外地人很多',
  ])('finds no hukou of the citizen in %s', (text) => {
    expect(householdOf(text)).toBeUndefined();
  });
});
