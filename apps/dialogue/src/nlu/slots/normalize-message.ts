/**
 * The form the slot rules read: full-width letters, digits and punctuation made half-width (ＧＤ２０２６ → GD2026,
 * ， → ,), the traditional characters of the words the rules look for made simplified, frequent typos of those words
 * corrected, and whitespace dropped except between two Latin letters (citizens type 社保 3年 and GD 2026…).
 */
export function normalizeMessage(text: string): string {
  let normalized = text.normalize('NFKC').replace(/[\u200b-\u200d\ufeff]/g, '');
  normalized = normalized.replace(TRADITIONAL_CHARS, (char) => TRADITIONAL_TO_SIMPLIFIED[char] ?? char);
  for (const [typo, word] of TYPOS) normalized = normalized.split(typo).join(word);
  return normalized.replace(/\s+/g, (space, offset: number, whole: string) =>
    /[A-Za-z]/.test(whole.charAt(offset - 1)) && /[A-Za-z]/.test(whole.charAt(offset + space.length)) ? ' ' : '',
  );
}

// Only the characters of the words the rules match; a full converter is not needed to read a slot.
const TRADITIONAL_TO_SIMPLIFIED: Record<string, string> = {
  戶: '户',
  萬: '万',
  個: '个',
  歲: '岁',
  號: '号',
  週: '周',
  塊: '块',
  錢: '钱',
  兩: '两',
  險: '险',
  繳: '缴',
  資: '资',
  務: '务',
  學: '学',
  畢: '毕',
  業: '业',
  殘: '残',
  實: '实',
  園: '园',
  級: '级',
  與: '与',
  這: '这',
  禮: '礼',
  後: '后',
  廣: '广',
  東: '东',
  區: '区',
  縣: '县',
  離: '离',
  婦: '妇',
  養: '养',
  齡: '龄',
  們: '们',
  裡: '里',
  裏: '里',
  來: '来',
  稅: '税',
  員: '员',
  體: '体',
  媽: '妈',
  爺: '爷',
  兒: '儿',
  孫: '孙',
  獨: '独',
  聯: '联',
  單: '单',
  貸: '贷',
  補: '补',
  貼: '贴',
  開: '开',
};
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}]`, 'g');

const TYPOS: ReadonlyArray<[typo: string, word: string]> = [
  ['户囗', '户口'],
  ['戸口', '户口'],
  ['社宝', '社保'],
  ['社報', '社保'],
  ['工姿', '工资'],
  ['退修', '退休'],
  ['残废', '残疾'],
  ['应界', '应届'],
  ['独身子女', '独生子女'],
];
