import { readCallbackXml } from '../wecom-api/callback-xml';
import { readWeComMessage } from './wecom-message';

const AGENT_ID = 1000002;

/** A decrypted callback as WeCom's message documentation shows it (接收消息与事件). */
function callback(body: string, agentId = AGENT_ID) {
  return readCallbackXml(
    `<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[ZhangSan]]></FromUserName>` +
      `<CreateTime>1348831860</CreateTime>${body}<AgentID>${agentId}</AgentID></xml>`,
  );
}

describe('readWeComMessage', () => {
  it('passes a text message on with its MsgId, exactly (beyond 2^53)', () => {
    const fields = callback(
      '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[  我要投诉小区噪音  ]]></Content><MsgId>4561255354251345929</MsgId>',
    );
    expect(readWeComMessage(fields, AGENT_ID)).toEqual({
      kind: 'accept',
      sender: 'ZhangSan',
      platformMessageId: '4561255354251345929',
      content: { kind: 'text', text: '我要投诉小区噪音' },
    });
  });

  it('notices a picture without reading it', () => {
    const fields = callback(
      '<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://p/1.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>1234567890123456</MsgId>',
    );
    expect(readWeComMessage(fields, AGENT_ID)).toMatchObject({ content: { kind: 'media', mediaType: 'image' } });
  });

  it('passes on what a voice message said, when the platform recognised it', () => {
    const fields = callback(
      '<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format>' +
        '<Recognition><![CDATA[社保卡怎么补办]]></Recognition><MsgId>1234567890123457</MsgId>',
    );
    expect(readWeComMessage(fields, AGENT_ID)).toMatchObject({ content: { kind: 'text', text: '社保卡怎么补办' } });
  });

  it('notices a voice message without recognition as a voice message', () => {
    const fields = callback(
      '<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format><MsgId>1234567890123458</MsgId>',
    );
    expect(readWeComMessage(fields, AGENT_ID)).toMatchObject({ content: { kind: 'media', mediaType: 'voice' } });
  });

  it('reads a location: Location_X is the latitude, Location_Y the longitude', () => {
    const fields = callback(
      '<MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y>' +
        '<Scale>20</Scale><Label><![CDATA[广州市天河区体育西路]]></Label><MsgId>1234567890123459</MsgId><AppType><![CDATA[wxwork]]></AppType>',
    );
    expect(readWeComMessage(fields, AGENT_ID)).toMatchObject({
      content: { kind: 'location', location: { lat: 23.134521, lon: 113.358803, label: '广州市天河区体育西路' } },
    });
  });

  it('leaves a location that is no place on Earth', () => {
    const fields = callback(
      '<MsgType><![CDATA[location]]></MsgType><Location_X>123.1</Location_X><Location_Y>113.3</Location_Y><MsgId>1</MsgId>',
    );
    expect(readWeComMessage(fields, AGENT_ID).kind).toBe('skip');
  });

  it.each(['subscribe', 'enter_agent'])('passes the %s event on, with an id made of its time and event', (event) => {
    const fields = callback(
      `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event><EventKey><![CDATA[]]></EventKey>`,
    );
    expect(readWeComMessage(fields, AGENT_ID)).toEqual({
      kind: 'accept',
      sender: 'ZhangSan',
      platformMessageId: `event:1348831860:${event}:`,
      content: { kind: 'event', event },
    });
  });

  it('passes a menu click on with its key', () => {
    const fields = callback(
      '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[click]]></Event><EventKey><![CDATA[MENU_COMPLAIN]]></EventKey>',
    );
    expect(readWeComMessage(fields, AGENT_ID)).toMatchObject({
      platformMessageId: 'event:1348831860:click:MENU_COMPLAIN',
      content: { kind: 'event', event: 'click:MENU_COMPLAIN' },
    });
  });

  it.each([
    ['unsubscribe', '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event>'],
    [
      'a location report',
      '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>23.1</Latitude>',
    ],
    ['an empty text', '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[   ]]></Content><MsgId>2</MsgId>'],
    ['a link', '<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[t]]></Title><MsgId>3</MsgId>'],
  ])('leaves %s', (_case, body) => {
    expect(readWeComMessage(callback(body), AGENT_ID).kind).toBe('skip');
  });

  it("leaves another app's message", () => {
    const fields = callback(
      '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>4</MsgId>',
      1000003,
    );
    expect(readWeComMessage(fields, AGENT_ID)).toEqual({ kind: 'skip', reason: 'for another app (AgentID)' });
  });

  it('cuts a text longer than the contract allows at 2000 characters', () => {
    const fields = callback(
      `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${'问'.repeat(2100)}]]></Content><MsgId>5</MsgId>`,
    );
    const reading = readWeComMessage(fields, AGENT_ID);
    expect(reading.kind === 'accept' && reading.content.kind === 'text' && [...reading.content.text].length).toBe(2000);
  });
});
