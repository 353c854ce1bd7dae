import { renderLanguageOf } from './cap-language';

describe('the language an info block is rendered in', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['zh', 'zh'],
    ['ZH-cn', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['ug', 'ug'],
    ['ug-CN', 'ug'],
    ['ug-Arab-CN', 'ug'],
    ['es-US', null],
    ['fr', null],
    ['eng', null],
  ])('%s → %s', (tag, lang) => {
    expect(renderLanguageOf(tag)).toBe(lang);
  });
});
