/**
 * An Open311 GeoReport v2 document, written once and rendered as XML or JSON. The spec defines the XML and derives
 * the JSON from it by the Spark convention: the root element is dropped, a list element becomes an array of its
 * items, an empty element becomes null. So a document is its root's name and its content as plain values.
 */
export type Open311Scalar = string | number | boolean | null;
export type Open311Node = Open311Scalar | Open311Node[] | { [element: string]: Open311Node };

export interface Open311Document {
  root: string;
  body: Open311Node[] | { [element: string]: Open311Node };
}

export type Open311Format = 'json' | 'xml';

/** The format a resource's extension asks for (services.xml, requests/GD….json); undefined for any other. */
export function formatNamed(extension: string | undefined): Open311Format | undefined {
  return extension === 'json' || extension === 'xml' ? extension : undefined;
}

/** The element each list holds, as the spec names them. */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

export const CONTENT_TYPE: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export function render(document: Open311Document, format: Open311Format): string {
  return format === 'json'
    ? JSON.stringify(document.body)
    : `<?xml version="1.0" encoding="utf-8"?>\n${element(document.root, document.body)}`;
}

function element(name: string, value: Open311Node): string {
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`Open311 has no list element named ${name}`);
    return value.length === 0
      ? `<${name}/>`
      : `<${name}>${value.map((entry) => element(item, entry)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([child, inner]) => element(child, inner));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

// XML 1.0 allows tab, LF, CR and these ranges; anything else (other control characters, lone surrogates, U+FFFE and
// U+FFFF) would make the whole document unreadable, so it is dropped rather than escaped (it cannot be).
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content of an element: & < > escaped (> for the `]]>` sequence), characters XML cannot carry dropped. */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
