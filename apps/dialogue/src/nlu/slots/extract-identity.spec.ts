import { extractSlots } from './extract-slots';

const tagsOf = (text: string) => extractSlots(text).identityTags;

describe('identity tags', () => {
  it.each([
    ['我是应届毕业生', ['freshGraduate']],
    ['今年刚毕业，想找工作', ['freshGraduate']],
    ['应届生创业有补贴吗', ['freshGraduate']],
    ['我是退休人员', ['retiree']],
    ['我已经退休了', ['retiree']],
    ['退休了，养老金怎么调', ['retiree']],
    ['我是个体户', ['smallBusinessOwner']],
    ['我开了个小店', ['smallBusinessOwner']],
    ['自己开了一家公司，小微企业', ['smallBusinessOwner']],
    ['我是残疾人', ['disabled']],
    ['我有残疾证', ['disabled']],
    ['老年人乘车优惠', ['elderly']],
    ['我是老人，不会用手机', ['elderly']],
  ])('reads %s', (text, tags) => {
    expect(tagsOf(text)).toEqual(tags);
  });

  it('infers 老年人 from the citizen’s own age', () => {
    expect(extractSlots('我今年70岁')).toEqual({ identityTags: ['elderly'], age: 70 });
    expect(extractSlots('我七十多岁了，腿脚不好')).toMatchObject({ identityTags: ['elderly'], age: 70 });
    expect(extractSlots('本人65周岁，退休了')).toMatchObject({ identityTags: ['retiree', 'elderly'], age: 65 });
    expect(extractSlots('我今年35岁')).toEqual({ age: 35 });
  });

  it('counts a group asked about as the group of the conversation', () => {
    expect(tagsOf('那退休人员呢？')).toEqual(['retiree']);
    expect(tagsOf('残疾人补贴怎么申请')).toEqual(['disabled']);
  });

  it('hears the citizen say they are not in a group', () => {
    expect(extractSlots('我不是应届生')).toEqual({ deniedIdentityTags: ['freshGraduate'] });
    expect(extractSlots('我也不算残疾人')).toEqual({ deniedIdentityTags: ['disabled'] });
  });

  it.each([
    '我爸是退休人员',
    '我儿子是残疾人',
    '我爸今年75了',
    '我是残疾人吗',
    '我算不算应届毕业生',
    '我是不是应届生',
    '往届毕业生可以申请吗',
    '快退休了',
    '我还没退休',
    '延迟退休怎么算',
    '我想开个奶茶店',
    '社保要交满15年才能领养老金吗',
    '家里老人生病了',
    '我在读大学',
    '请帮帮我82岁母亲',
  ])('finds no identity of the citizen in %s', (text) => {
    expect(tagsOf(text)).toBeUndefined();
  });
});
