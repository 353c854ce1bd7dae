import { MalformedXml, readCallbackXml } from './callback-xml';

describe('readCallbackXml', () => {
  it('reads the decrypted text message of the WeCom callback sample (企业微信官方示例)', () => {
    const sample =
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n' +
      '<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n' +
      '<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';
    expect(readCallbackXml(sample)).toEqual({
      ToUserName: 'wx5823bf96d3bd56c7',
      FromUserName: 'mycreate',
      CreateTime: '1409659813',
      MsgType: 'text',
      Content: 'hello',
      // Beyond 2^53: kept as the exact digits.
      MsgId: '4561255354251345929',
      AgentID: '218',
    });
  });

  it('reads the 微信客服 kf_msg_or_event callback', () => {
    const event =
      '<xml>\n   <ToUserName><![CDATA[ww12345678910]]></ToUserName>\n   <CreateTime>1348831860</CreateTime>\n' +
      '   <MsgType><![CDATA[event]]></MsgType>\n   <Event><![CDATA[kf_msg_or_event]]></Event>\n' +
      '   <Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>\n' +
      '   <OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>\n</xml>';
    expect(readCallbackXml(event)).toMatchObject({
      Event: 'kf_msg_or_event',
      Token: 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR',
      OpenKfId: 'wkxxxxxxx',
    });
  });

  it('keeps CDATA exactly, decodes the predefined entities and character references in plain text', () => {
    const fields = readCallbackXml(
      '<?xml version="1.0" encoding="UTF-8"?><xml><A><![CDATA[<b>&amp; 你好 ]]]]><![CDATA[>]]></A>' +
        '<B>a &lt; b &amp;&amp; &#x4F60;&#22909;</B><Empty></Empty></xml>',
    );
    expect(fields).toEqual({ A: '<b>&amp; 你好 ]]>', B: 'a < b && 你好', Empty: '' });
  });

  it('checks nested containers and leaves them out of the fields', () => {
    const fields = readCallbackXml(
      '<xml><Event>scancode_push</Event><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo></xml>',
    );
    expect(fields).toEqual({ Event: 'scancode_push' });
  });

  it.each([
    ['a DOCTYPE with an entity (billion laughs)', '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><A>&a;</A></xml>'],
    ['an internal DOCTYPE after the root starts', '<xml><!DOCTYPE x><A>1</A></xml>'],
    ['an undeclared entity', '<xml><A>&a;</A></xml>'],
    ['an external entity reference', '<xml><A>&xxe;</A></xml>'],
    ['a bare ampersand', '<xml><A>a & b</A></xml>'],
    ['a comment', '<xml><!-- hi --><A>1</A></xml>'],
    ['a processing instruction inside', '<xml><?php echo 1 ?><A>1</A></xml>'],
    ['attributes', '<xml><A type="x">1</A></xml>'],
    ['another root', '<root><A>1</A></root>'],
    ['a second root', '<xml><A>1</A></xml><xml></xml>'],
    ['an unclosed element', '<xml><A>1</A>'],
    ['mismatched tags', '<xml><A>1</B></xml>'],
    ['an unterminated CDATA', '<xml><A><![CDATA[1</A></xml>'],
    ['a repeated field', '<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>'],
    ['text mixed with elements', '<xml>hello<A>1</A></xml>'],
    ['too deep', '<xml><a><b><c><d><e>1</e></d></c></b></a></xml>'],
    ['a bad character reference', '<xml><A>&#0;</A></xml>'],
    ['nothing at all', ''],
    ['JSON', '{"ToUserName":"x"}'],
  ])('refuses %s', (_case, document) => {
    expect(() => readCallbackXml(document)).toThrow(MalformedXml);
  });
});
