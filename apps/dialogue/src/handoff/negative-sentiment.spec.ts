import { isStronglyNegative } from './negative-sentiment';

describe('strong negative sentiment', () => {
  it.each([
    '气死我了，问了三遍都没用',
    '垃圾机器人，什么都不懂',
    '你们部门就知道踢皮球',
    '这也太离谱了',
    '再不解决我就去找媒体曝光',
    '到底有没有人管！！！',
    '家里已经走投无路了',
  ])('fires on %s', (text) => expect(isStronglyNegative(text)).toBe(true));

  it.each(['你好', '我对处理结果不太满意', '办理速度有点慢', '谢谢！', '我要投诉小区施工扰民', '垃圾分类怎么做'])(
    'stays quiet on %s',
    (text) => expect(isStronglyNegative(text)).toBe(false),
  );
});
