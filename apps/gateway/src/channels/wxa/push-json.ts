import { CallbackFields } from '../wecom-api/callback-xml';

export class MalformedJson extends Error {
  constructor(reason: string) {
    super(`malformed JSON: ${reason}`);
    this.name = 'MalformedJson';
  }
}

/** A JSON number as RFC 8259 writes it, matched where a value starts outside a string. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_FIELDS = 200;

/**
 * A JSON push (数据格式 JSON) as the same flat fields the XML pushes give: the top-level members that hold a string or
 * a number, each as the exact text it was sent as. Numbers are never turned into JS numbers: a MsgId beyond 2^53
 * (WeChat's are 64-bit) would silently change, and two retries of one message would then look like two messages.
 * Node 20's JSON.parse cannot hand a reviver the source text, so every number literal outside a string is quoted
 * before parsing; JSON.parse still checks everything else. Nested objects and arrays are left out, as with the XML.
 */
export function readPushJson(text: string): CallbackFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(quoteNumbers(text));
  } catch (error) {
    if (error instanceof MalformedJson) throw error;
    throw new MalformedJson('not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MalformedJson('not a JSON object');
  }
  const fields: Record<string, string> = {};
  const entries = Object.entries(parsed);
  if (entries.length > MAX_FIELDS) throw new MalformedJson('too many members');
  for (const [name, value] of entries) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/** The JSON text with every number literal outside strings written as a string of the same digits. */
export function quoteNumbers(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const character = text[at];
    if (character === '"') {
      const end = endOfString(text, at);
      out += text.slice(at, end);
      at = end;
    } else if (character === '-' || (character >= '0' && character <= '9')) {
      NUMBER.lastIndex = at;
      const number = NUMBER.exec(text)?.[0];
      if (!number) throw new MalformedJson('bad number');
      out += `"${number}"`;
      at += number.length;
    } else {
      out += character;
      at += 1;
    }
  }
  return out;
}

/** Where the string starting at `start` (its opening quote) ends: just after its closing quote. */
function endOfString(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length) {
    if (text[at] === '\\') at += 2;
    else if (text[at] === '"') return at + 1;
    else at += 1;
  }
  throw new MalformedJson('unterminated string');
}
