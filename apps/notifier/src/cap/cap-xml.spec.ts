import { capXmlToDocument, MAX_CAP_DOCUMENT_BYTES } from './cap-xml';
import { InvalidCapAlert } from './invalid-cap-alert';

const NS = 'urn:oasis:names:tc:emergency:cap:1.2';
const alert = (body: string, root = `<alert xmlns="${NS}">`) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root}${body}</alert>`;

function refusal(xml: string): Array<{ path: string; message: string }> {
  try {
    capXmlToDocument(xml);
  } catch (error) {
    if (error instanceof InvalidCapAlert) return error.issues;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('reading CAP XML safely', () => {
  it('gives the children of <alert> as text, repeated elements as lists, codes not turned into numbers', () => {
    expect(
      capXmlToDocument(
        alert('<identifier>A-1</identifier><code>007</code><code>008</code><info><event>x</event></info>'),
      ),
    ).toEqual({ identifier: 'A-1', code: ['007', '008'], info: { event: 'x' } });
  });

  it('reads a namespace prefix as well as the default namespace', () => {
    const prefixed = `<cap:alert xmlns:cap="${NS}"><cap:identifier>A-1</cap:identifier></cap:alert>`;
    expect(capXmlToDocument(prefixed)).toEqual({ identifier: 'A-1' });
  });

  it("decodes XML's own entities and character references, once", () => {
    const document = capXmlToDocument(alert('<note>Tom &amp; Jerry &lt;3 &#x4E2D;&#25991; &amp;lt;</note>'));
    expect(document.note).toBe('Tom & Jerry <3 中文 &lt;');
  });

  it('refuses an external entity (XXE) before parsing anything, with a clear reason', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${alert('<identifier>&xxe;</identifier>').split('\n')[1]}`;
    expect(refusal(xxe)).toEqual([
      { path: '', message: expect.stringContaining('CAP 文档不得含有 DOCTYPE 或实体声明') },
    ]);
  });

  it('refuses entity expansion bombs and a DOCTYPE without entities alike', () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><alert xmlns="${NS}">&lol2;</alert>`;
    expect(refusal(laughs)[0].message).toContain('XXE');
    expect(refusal(`<!doctype alert><alert xmlns="${NS}"/>`)[0].message).toContain('DOCTYPE');
  });

  it('refuses an entity it does not know, naming the element', () => {
    expect(refusal(alert('<info><event>&nbsp;暴雨</event></info>'))).toEqual([
      { path: 'info.event', message: expect.stringContaining('含有未定义的实体「&nbsp;」') },
    ]);
  });

  it('refuses XML that is not well-formed, with line and column', () => {
    expect(refusal(alert('<identifier>A-1</sender>'))).toEqual([
      { path: '', message: expect.stringMatching(/^XML 格式错误（第 2 行第 \d+ 列）/) },
    ]);
    expect(refusal('<alert><identifier>A-1</identifier>')[0].message).toContain('XML 格式错误');
    expect(refusal(alert('<note>a & b</note>'))[0].message).toContain('XML 格式错误');
    expect(refusal('暴雨橙色预警')[0].message).toContain('XML 格式错误');
  });

  it('refuses control characters XML does not allow', () => {
    expect(refusal(alert('<note>a\u0001b</note>'))[0].message).toBe('文档含有 XML 不允许的控制字符');
  });

  it('refuses an empty body, another root, two roots, and another CAP version', () => {
    expect(refusal('  ')[0].message).toBe('请求体为空：请提交 CAP 1.2 预警文档');
    expect(refusal(`<feed xmlns="${NS}"><alert/></feed>`)[0].message).toBe(
      'CAP 文档的根元素须为唯一的 <alert>，现为 <feed>',
    );
    expect(refusal(`<alert xmlns="${NS}"><a>1</a></alert><alert/>`)[0].message).toContain('根元素须为唯一的 <alert>');
    expect(
      refusal(alert('<identifier>A-1</identifier>', '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1">'))[0].message,
    ).toBe(`只接受 CAP 1.2 文档：<alert> 的命名空间为「urn:oasis:names:tc:emergency:cap:1.1」，应为「${NS}」`);
    expect(refusal(alert('<identifier>A-1</identifier>', '<alert>'))[0].message).toBe(
      `<alert> 须声明 CAP 1.2 命名空间 xmlns="${NS}"`,
    );
  });

  it('refuses a document over the size limit, saying the limit', () => {
    const huge = alert(`<note>${'暴'.repeat(MAX_CAP_DOCUMENT_BYTES / 3 + 10)}</note>`);
    expect(refusal(huge)).toEqual([
      { path: '', message: expect.stringMatching(/^CAP 文档过大（\d+ KB），上限为 256 KB$/) },
    ]);
  });

  it('refuses element names that would reach into the prototype of the parsed object', () => {
    expect(refusal(alert('<__proto__><polluted>yes</polluted></__proto__>'))[0].message).toContain('无法读取 XML');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
