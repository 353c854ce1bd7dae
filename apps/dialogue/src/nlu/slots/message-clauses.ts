/** A stretch of a message between punctuation: the unit the slot rules look for a statement in. */
export interface Clause {
  text: string;
  isQuestion: boolean;
}

// 、 lists things inside one clause (我、老婆和两个孩子); a dot between digits is a decimal point (1.5万).
const CLAUSE_END = new Set([',', ';', '!', '?', '。', '~', '…', '\n']);
const QUESTION =
  /(?:吗|么|呢|没有?)$|多少|几[个年岁口]|什么|怎么|怎样|如何|是否|能否|可否|能不能|可不可以|是不是|有没有|算不算|属不属于|哪些|哪里|哪个/;

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index += 1) {
    if (index < text.length && !isClauseEnd(text, index)) continue;
    const body = text.slice(start, index);
    if (body !== '') clauses.push({ text: body, isQuestion: text.charAt(index) === '?' || QUESTION.test(body) });
    start = index + 1;
  }
  return clauses;
}

function isClauseEnd(text: string, index: number): boolean {
  const char = text.charAt(index);
  if (char === '.') return !(/\d/.test(text.charAt(index - 1)) && /\d/.test(text.charAt(index + 1)));
  return CLAUSE_END.has(char);
}

export type Subject = 'self' | 'other' | 'unstated';

const PERSON =
  /我们|咱们|我|本人|俺|咱|爸爸|妈妈|爸|妈|父亲|母亲|父母|双亲|老爸|老妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|老公|老婆|老伴|丈夫|妻子|爱人|媳妇|对象|儿子|女儿|孩子|小孩|闺女|宝宝|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹|朋友|同事|邻居|亲戚|家人|老人|他们|她们|(?<!其)他|她/g;
const FIRST_PERSON = new Set(['我们', '咱们', '我', '本人', '俺', '咱']);

/**
 * Who a statement at `index` is about: the nearest person named before it in the clause. 我爸是退休人员 is about
 * someone else; 退休人员能办吗 names no one, so it is about the group asked after.
 */
export function subjectBefore(clause: string, index: number): Subject {
  const last = lastPersonBefore(clause, index);
  if (last === undefined) return 'unstated';
  return FIRST_PERSON.has(last) ? 'self' : 'other';
}

/** The last word for a person before `index` in the clause: 我, 老婆, 我爸 → 爸. */
export function lastPersonBefore(clause: string, index: number): string | undefined {
  let last: string | undefined;
  for (const match of clause.slice(0, index).matchAll(PERSON)) last = match[0];
  return last;
}
