import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CAP_NAMESPACE } from './cap-enumerations';
import { CapIssue, InvalidCapAlert, issuePath } from './invalid-cap-alert';

/** The largest CAP document we read, XML or JSON; the HTTP body limit of the notifier is the same. */
export const MAX_CAP_DOCUMENT_BYTES = 256 * 1024;

/**
 * CAP XML → the <alert> element as a plain object of strings and arrays, the shape the JSON form has, so one
 * schema validates both. Safe by construction: a document with a DTD or an entity declaration is refused before
 * any parsing (no external entities, no entity expansion: XXE and "billion laughs" have nothing to work with), the
 * parser expands no entity at all, and only XML's five predefined entities and character references are decoded
 * afterwards, by us. Not well-formed XML, a root other than CAP 1.2's <alert>, and oversized documents are refused.
 */
export function capXmlToDocument(xml: string): Record<string, unknown> {
  const refuse = (message: string, path = ''): never => {
    throw new InvalidCapAlert([{ path, message }]);
  };
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > MAX_CAP_DOCUMENT_BYTES) {
    refuse(`CAP 文档过大（${Math.ceil(bytes / 1024)} KB），上限为 ${MAX_CAP_DOCUMENT_BYTES / 1024} KB`);
  }
  if (xml.trim() === '') refuse('请求体为空：请提交 CAP 1.2 预警文档');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    refuse('CAP 文档不得含有 DOCTYPE 或实体声明（<!DOCTYPE、<!ENTITY）：为防范外部实体注入（XXE），此类文档一律拒收');
  }
  if (FORBIDDEN_CHARACTER.test(xml)) refuse('文档含有 XML 不允许的控制字符');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { line, col, msg } = wellFormed.err;
    refuse(`XML 格式错误（第 ${line} 行第 ${col} 列）：${msg}`);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    return refuse(`无法读取 XML：${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = Object.keys(parsed);
  if (roots.length !== 1 || roots[0] !== 'alert' || !isRecord(parsed.alert)) {
    return refuse(`CAP 文档的根元素须为唯一的 <alert>，现为 ${roots.map((root) => `<${root}>`).join('、') || '空'}`);
  }
  const { namespaces, children } = splitAttributes(parsed.alert);
  if (!namespaces.includes(CAP_NAMESPACE)) {
    refuse(
      namespaces.length > 0
        ? `只接受 CAP 1.2 文档：<alert> 的命名空间为「${namespaces.join('、')}」，应为「${CAP_NAMESPACE}」`
        : `<alert> 须声明 CAP 1.2 命名空间 xmlns="${CAP_NAMESPACE}"`,
    );
  }
  const issues: CapIssue[] = [];
  const document = decodeText(children, [], issues);
  if (issues.length > 0) throw new InvalidCapAlert(issues);
  return isRecord(document) ? document : refuse('<alert> 中没有任何元素');
}

// XML 1.0 allows tab, line feed and carriage return among the C0 controls, nothing else.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const ATTRIBUTE_PREFIX = '@_';
const withoutPrefix = (name: string) => name.replace(/^[\w.-]+:/, '');

const parser = new XMLParser({
  // No entity of any kind is expanded by the parser; decodeText handles the five predefined ones.
  processEntities: false,
  htmlEntities: false,
  // CAP values stay text exactly as written: "006109" is a code, not the number 6109.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Only the root's attributes matter (its namespace); CAP elements have none.
  ignoreAttributes: (_name: string, jPath: unknown) =>
    String(jPath).split('.').map(withoutPrefix).join('.') !== 'alert',
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // <cap:info> and <info> alike: the namespace is checked on the root, the prefix is not part of the name.
  transformTagName: withoutPrefix,
  maxNestedTags: 20,
});

function splitAttributes(alert: Record<string, unknown>): { namespaces: string[]; children: Record<string, unknown> } {
  const namespaces: string[] = [];
  const children: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(alert)) {
    if (!key.startsWith(ATTRIBUTE_PREFIX)) children[key] = value;
    else if (/^@_xmlns(:|$)/.test(key) && typeof value === 'string') namespaces.push(value);
  }
  return { namespaces, children };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;

/** Every string of the tree with its references decoded; an undefined entity is an issue at its element. */
function decodeText(value: unknown, path: Array<string | number>, issues: CapIssue[]): unknown {
  if (typeof value === 'string') {
    let problem: string | undefined;
    const decoded = value.replace(REFERENCE, (match, hex?: string, decimal?: string, name?: string) => {
      if (name) return PREDEFINED[name];
      const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
      if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        problem = `字符引用 ${match} 不是有效字符`;
        return '';
      }
      return String.fromCodePoint(codePoint);
    });
    const leftover = /&[^;\s]{0,20};?/.exec(value.replace(REFERENCE, ''));
    if (leftover)
      problem ??= `含有未定义的实体「${leftover[0]}」：CAP 文档只可使用 &lt; &gt; &amp; &quot; &apos; 与字符引用`;
    if (problem) issues.push({ path: issuePath(path), message: problem });
    return decoded;
  }
  if (Array.isArray(value)) return value.map((item, index) => decodeText(item, [...path, index], issues));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, decodeText(item, [...path, key], issues)]),
    );
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
