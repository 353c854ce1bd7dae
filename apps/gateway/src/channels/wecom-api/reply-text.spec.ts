import { splitForPlatform, TEXT_MAX_BYTES, withNumberedChoices } from './reply-text';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('withNumberedChoices', () => {
  it('numbers the choices under the text, so a citizen can answer with the number', () => {
    expect(withNumberedChoices('请问您要办理哪项业务？', ['我要投诉', '政策咨询'])).toBe(
      '请问您要办理哪项业务？\n\n您可以回复序号选择：\n1. 我要投诉\n2. 政策咨询',
    );
  });

  it('leaves a text without choices as it is', () => {
    expect(withNumberedChoices('已为您登记。', [])).toBe('已为您登记。');
    expect(withNumberedChoices('已为您登记。', undefined)).toBe('已为您登记。');
  });
});

describe('splitForPlatform', () => {
  it('keeps a text that fits in one part', () => {
    expect(splitForPlatform('您好')).toEqual(['您好']);
  });

  it('cuts 2048 bytes of Chinese (3 bytes a character) without splitting a character', () => {
    const text = '办'.repeat(1000);
    const parts = splitForPlatform(text);
    expect(parts.map(bytes)).toEqual([2046, 954]);
    expect(parts.join('')).toBe(text);
  });

  it('cuts after a line break when one is in the second half', () => {
    const first = '甲'.repeat(500);
    const second = '乙'.repeat(400);
    expect(splitForPlatform(`${first}\n${second}`, 2000)).toEqual([first, second]);
  });

  it('cuts after the end of a sentence when there is no line break', () => {
    const first = `${'甲'.repeat(450)}。`;
    const second = '乙'.repeat(300);
    expect(splitForPlatform(first + second, 1500)).toEqual([first, second]);
  });

  it('never splits a surrogate pair (emoji are 4 bytes)', () => {
    const parts = splitForPlatform('😀'.repeat(10), 10);
    expect(parts).toEqual(['😀😀', '😀😀', '😀😀', '😀😀', '😀😀']);
  });

  it('gives parts that each fit, and all the text, for a long mixed reply', () => {
    const text = Array.from({ length: 60 }, (_, i) => `第${i + 1}项：请携带居民身份证原件及复印件。`).join('\n');
    const parts = splitForPlatform(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(bytes(part)).toBeLessThanOrEqual(TEXT_MAX_BYTES);
    expect(parts.join('\n')).toBe(text);
  });
});
