import { readCallbackXml } from '../wecom-api/callback-xml';
import { readPushJson } from './push-json';
import { readWxaMessage } from './wxa-message';

const OPENID = 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY';

/** A decrypted customer-service push as the mini-program documentation shows it (客服消息 → 接收消息), in JSON. */
const json = (members: string) =>
  readPushJson(`{"ToUserName":"gh_97417a04a28d","FromUserName":"${OPENID}","CreateTime":1714112445,${members}}`);

describe('readWxaMessage', () => {
  it('passes a text on with its 24-digit MsgId exactly', () => {
    expect(
      readWxaMessage(json('"MsgType":"text","Content":"  社保卡怎么补办  ","MsgId":123456789012345678901234')),
    ).toEqual({
      kind: 'accept',
      sender: OPENID,
      platformMessageId: '123456789012345678901234',
      content: { kind: 'text', text: '社保卡怎么补办' },
    });
  });

  it('reads the same message the same way from XML', () => {
    const fields = readCallbackXml(
      `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[${OPENID}]]></FromUserName>` +
        '<CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[社保卡怎么补办]]></Content>' +
        '<MsgId>123456789012345678901234</MsgId></xml>',
    );
    expect(readWxaMessage(fields)).toMatchObject({
      platformMessageId: '123456789012345678901234',
      content: { kind: 'text', text: '社保卡怎么补办' },
    });
  });

  it('notices a picture without reading it', () => {
    const fields = json('"MsgType":"image","PicUrl":"http://p/1.jpg","MediaId":"m1","MsgId":1234567890123456');
    expect(readWxaMessage(fields)).toMatchObject({ content: { kind: 'media', mediaType: 'image' } });
  });

  it('passes a shared mini-program card on as the page it opens, without its query', () => {
    const fields = json(
      '"MsgType":"miniprogrampage","Title":"居住证办理","AppId":"wxba5fad812f8e6fb9",' +
        '"PagePath":"pages/guide/detail?id=310115&phone=13800000000","ThumbMediaId":"t","MsgId":7',
    );
    expect(readWxaMessage(fields)).toMatchObject({
      content: { kind: 'event', event: 'miniprogrampage:pages/guide/detail' },
    });
  });

  it('greets a user who opens the chat (user_enter_tempsession), with an id made of its time', () => {
    const fields = json('"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"guide"');
    expect(readWxaMessage(fields)).toEqual({
      kind: 'accept',
      sender: OPENID,
      platformMessageId: 'event:1714112445:user_enter_tempsession',
      content: { kind: 'event', event: 'user_enter_tempsession' },
    });
  });

  it.each([
    ['an empty text', '"MsgType":"text","Content":"  ","MsgId":1'],
    ['another event', '"MsgType":"event","Event":"debug_demo","debug_str":"hello world"'],
    ['a link', '"MsgType":"link","Title":"t","MsgId":2'],
  ])('leaves %s', (_case, members) => {
    expect(readWxaMessage(json(members)).kind).toBe('skip');
  });

  it('leaves a push without a sender', () => {
    expect(readWxaMessage(readPushJson('{"MsgType":"text","Content":"你好","MsgId":3}')).kind).toBe('skip');
  });
});
