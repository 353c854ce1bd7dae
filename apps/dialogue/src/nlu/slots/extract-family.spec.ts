import { extractSlots } from './extract-slots';

describe('family size', () => {
  it.each([
    ['一家三口', 3],
    ['三口之家', 3],
    ['家里4口人', 4],
    ['我们家一共5口人', 5],
    ['家庭成员有4人', 4],
    ['我和老婆两个孩子', 4],
    ['我和老婆还有一个女儿', 3],
    ['我跟爸妈还有一个女儿住', 4],
    ['夫妻俩带一个孩子', 3],
    ['就我一个人', 1],
  ])('reads %s as %d', (text, size) => {
    expect(extractSlots(text).familySize).toBe(size);
  });

  it.each(['我和老婆都是外地户口', '我和老婆还有孩子', '家里有两个人在上班', '我和同事一起来的', '社区里的独居老人'])(
    'finds no size in %s',
    (text) => {
      expect(extractSlots(text).familySize).toBeUndefined();
    },
  );
});

describe('children', () => {
  it.each([
    ['一个孩子上小学', { count: 1, stages: ['primary'] }],
    ['两个孩子一个3岁', { count: 2, ages: [3] }],
    ['两个孩子，一个上幼儿园，一个上初二', { count: 2, stages: ['preschool', 'juniorHigh'] }],
    ['一儿一女', { count: 2 }],
    ['两个儿子', { count: 2 }],
    ['俩娃都在上学', { count: 2 }],
    ['没有孩子', { count: 0 }],
    ['我们是丁克', { count: 0 }],
    ['孩子8个月大', { stages: ['infant'] }],
    ['老大6岁，老二3岁半', { ages: [6, 3.5] }],
    ['孩子上大一', { stages: ['higherEducation'] }],
    ['一个孩子上高二', { count: 1, stages: ['seniorHigh'] }],
  ])('reads %s', (text, children) => {
    expect(extractSlots(text).children).toEqual(children);
  });

  it.each(['我侄子上小学', '我上小学的时候', '我哥两个孩子', '3岁以下婴幼儿照护每个月扣多少', '我在读大学'])(
    'finds no child of the citizen in %s',
    (text) => {
      expect(extractSlots(text).children).toBeUndefined();
    },
  );
});

describe('parents and siblings, for 赡养老人', () => {
  it.each([
    ['父母都60多了', true],
    ['我爸妈都七十多了', true],
    ['我爸今年75了，我妈73', true],
    ['我妈65岁', true],
    ['父母都快70了', true],
    ['父母都不到60', false],
    ['父母都五十多岁', false],
  ])('reads %s as parentsOver60 %s', (text, over60) => {
    expect(extractSlots(text).parentsOver60).toBe(over60);
  });

  it.each(['我妈58', '父母都快60了', '父母都退休了', '赡养老人怎么扣'])('leaves parentsOver60 open in %s', (text) => {
    expect(extractSlots(text).parentsOver60).toBeUndefined();
  });

  it.each([
    ['我是独生子女', true],
    ['本人独生女', true],
    ['我不是独生子女', false],
    ['我是非独生子女', false],
    ['我有个哥哥', false],
    ['我们兄弟姐妹三个', false],
  ])('reads %s as isOnlyChild %s', (text, onlyChild) => {
    expect(extractSlots(text).isOnlyChild).toBe(onlyChild);
  });

  it.each(['独生子女赡养老人能扣多少', '我儿子是独生子'])('leaves isOnlyChild open in %s', (text) => {
    expect(extractSlots(text).isOnlyChild).toBeUndefined();
  });
});
