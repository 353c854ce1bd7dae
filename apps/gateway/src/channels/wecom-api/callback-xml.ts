/**
 * The XML WeCom and 微信客服 callbacks are written in: one `<xml>` root whose children are elements holding text or
 * CDATA, sometimes one more level of elements (e.g. ScanCodeInfo). This reads exactly that and refuses the rest.
 * No DTD, no entities beyond the five predefined ones and character references, no attributes, no processing
 * instructions other than the XML declaration: so no entity expansion and no external fetch can ever happen, and
 * two readers cannot disagree about what a document says. No general-purpose XML parser is in the project's
 * dependencies, and this subset is small enough to read whole.
 */

export class MalformedXml extends Error {
  constructor(reason: string) {
    super(`malformed XML: ${reason}`);
    this.name = 'MalformedXml';
  }
}

/** The root's direct children that hold text, by element name (nested containers are checked, then left out). */
export type CallbackFields = Readonly<Record<string, string>>;

const MAX_DEPTH = 4;
const MAX_ELEMENTS = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Element {
  name: string;
  text: string;
  children: Element[];
}

export function readCallbackXml(document: string): CallbackFields {
  const reader = new Reader(document);
  reader.skipDeclaration();
  const root = reader.element(1);
  reader.skipWhitespace();
  if (!reader.isAtEnd()) throw new MalformedXml('content after the root element');
  if (root.name !== 'xml') throw new MalformedXml('the root element is not <xml>');
  const fields: Record<string, string> = {};
  for (const child of root.children) {
    // A repeated field is ambiguous (which one counts?): refuse rather than guess.
    if (Object.hasOwn(fields, child.name)) throw new MalformedXml(`<${child.name}> appears twice`);
    if (child.children.length === 0) fields[child.name] = child.text;
  }
  return fields;
}

class Reader {
  private at = 0;
  private elements = 0;

  constructor(private readonly text: string) {}

  isAtEnd(): boolean {
    return this.at >= this.text.length;
  }

  skipWhitespace(): void {
    while (!this.isAtEnd() && /\s/.test(this.text[this.at])) this.at += 1;
  }

  skipDeclaration(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.at = 1;
    this.skipWhitespace();
    if (!this.text.startsWith('<?xml', this.at)) return;
    const end = this.text.indexOf('?>', this.at);
    if (end < 0) throw new MalformedXml('unterminated XML declaration');
    this.at = end + 2;
  }

  element(depth: number): Element {
    if (depth > MAX_DEPTH) throw new MalformedXml('nested too deep');
    this.elements += 1;
    if (this.elements > MAX_ELEMENTS) throw new MalformedXml('too many elements');
    this.skipWhitespace();
    const name = this.openTag();
    const element: Element = { name, text: '', children: [] };
    let text = '';
    for (;;) {
      if (this.isAtEnd()) throw new MalformedXml(`<${name}> is not closed`);
      if (this.text.startsWith('<![CDATA[', this.at)) {
        const end = this.text.indexOf(']]>', this.at);
        if (end < 0) throw new MalformedXml('unterminated CDATA section');
        text += this.text.slice(this.at + 9, end);
        this.at = end + 3;
      } else if (this.text.startsWith('</', this.at)) {
        this.closeTag(name);
        break;
      } else if (this.text.startsWith('<!', this.at) || this.text.startsWith('<?', this.at)) {
        // DOCTYPE, ENTITY, comments and processing instructions: none of them belongs in a callback.
        throw new MalformedXml('declarations, comments and processing instructions are not allowed');
      } else if (this.text[this.at] === '<') {
        element.children.push(this.element(depth + 1));
      } else {
        const end = this.text.indexOf('<', this.at);
        text += decodeReferences(this.text.slice(this.at, end < 0 ? this.text.length : end));
        this.at = end < 0 ? this.text.length : end;
      }
    }
    if (element.children.length > 0 && text.trim() !== '') throw new MalformedXml(`<${name}> mixes text and elements`);
    element.text = element.children.length > 0 ? '' : text;
    return element;
  }

  private openTag(): string {
    if (this.text[this.at] !== '<') throw new MalformedXml('expected an element');
    const end = this.text.indexOf('>', this.at);
    if (end < 0) throw new MalformedXml('unterminated tag');
    const name = this.text.slice(this.at + 1, end).trimEnd();
    if (!NAME.test(name)) throw new MalformedXml('bad element name or attributes');
    this.at = end + 1;
    return name;
  }

  private closeTag(name: string): void {
    const end = this.text.indexOf('>', this.at);
    if (end < 0 || this.text.slice(this.at + 2, end).trimEnd() !== name) {
      throw new MalformedXml(`<${name}> is closed by another tag`);
    }
    this.at = end + 1;
  }
}

function decodeReferences(text: string): string {
  if (text.includes(']]>')) throw new MalformedXml('"]]>" outside CDATA');
  return text.replace(/&([^;&\s]{0,10});?/g, (match, reference: string) => {
    if (!match.endsWith(';')) throw new MalformedXml('bare "&" in text');
    if (Object.hasOwn(PREDEFINED, reference)) return PREDEFINED[reference];
    const code = /^#x([0-9A-Fa-f]{1,6})$/.exec(reference)?.[1] ?? /^#([0-9]{1,7})$/.exec(reference)?.[1];
    if (code === undefined) throw new MalformedXml('unknown entity reference');
    const point = reference.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10);
    if (point === 0 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      throw new MalformedXml('bad character reference');
    }
    return String.fromCodePoint(point);
  });
}
