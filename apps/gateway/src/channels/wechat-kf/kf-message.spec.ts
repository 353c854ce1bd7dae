import { readCallbackXml } from '../wecom-api/callback-xml';
import { readKfCallbackEvent } from './kf-callback-event';
import { readKfMessage } from './kf-message';

/** A msg_list entry as the sync_msg documentation shows it. */
const entry = (fields: Record<string, unknown>) => ({
  msgid: 'from_msgid_4622416642169452483',
  open_kfid: 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q',
  external_userid: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw',
  send_time: 1615478585,
  origin: 3,
  ...fields,
});

describe('readKfMessage', () => {
  it("passes the customer's text on, with its msgid and the account it came to", () => {
    expect(readKfMessage(entry({ msgtype: 'text', text: { content: '你好，我想问下居住证怎么办理' } }))).toEqual({
      kind: 'accept',
      openKfId: 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q',
      sender: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw',
      platformMessageId: 'from_msgid_4622416642169452483',
      content: { kind: 'text', text: '你好，我想问下居住证怎么办理' },
    });
  });

  it('passes a menu choice on as the text the customer tapped', () => {
    const reading = readKfMessage(entry({ msgtype: 'text', text: { content: '我要投诉', menu_id: '1' } }));
    expect(reading).toMatchObject({ content: { kind: 'text', text: '我要投诉' } });
  });

  it.each(['image', 'voice', 'video', 'file'])('notices a %s without reading it', (type) => {
    expect(readKfMessage(entry({ msgtype: type, [type]: { media_id: 'MEDIA_ID' } }))).toMatchObject({
      content: { kind: 'media', mediaType: type },
    });
  });

  it('reads a location with its name', () => {
    const location = {
      latitude: 23.106021,
      longitude: 113.320389,
      name: '广州塔',
      address: '广州市海珠区阅江西路222号',
    };
    expect(readKfMessage(entry({ msgtype: 'location', location }))).toMatchObject({
      content: { kind: 'location', location: { lat: 23.106021, lon: 113.320389, label: '广州塔' } },
    });
  });

  it.each([
    ['a servicer’s message (origin 5)', entry({ origin: 5, msgtype: 'text', text: { content: '您好' } })],
    ['a system event (origin 4)', entry({ origin: 4, msgtype: 'event', event: { event_type: 'enter_session' } })],
    ['a business card', entry({ msgtype: 'business_card', business_card: { userid: 'zhangsan' } })],
    ['an empty text', entry({ msgtype: 'text', text: { content: ' ' } })],
    ['an entry without msgid', { ...entry({ msgtype: 'text', text: { content: '你好' } }), msgid: undefined }],
    ['something else entirely', 'text'],
  ])('leaves %s', (_case, raw) => {
    expect(readKfMessage(raw).kind).toBe('skip');
  });
});

describe('readKfCallbackEvent', () => {
  it('reads the Token and OpenKfId of kf_msg_or_event', () => {
    const fields = readCallbackXml(
      '<xml><ToUserName><![CDATA[ww12345678910]]></ToUserName><CreateTime>1348831860</CreateTime>' +
        '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>' +
        '<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token><OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId></xml>',
    );
    expect(readKfCallbackEvent(fields)).toEqual({
      kind: 'pull',
      token: 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR',
      openKfId: 'wkxxxxxxx',
    });
  });

  it('still pulls, for every account, when the callback names none (the older format)', () => {
    expect(readKfCallbackEvent({ MsgType: 'event', Event: 'kf_msg_or_event', Token: 'T' })).toEqual({
      kind: 'pull',
      token: 'T',
    });
  });

  it('leaves other events and a kf_msg_or_event without Token', () => {
    expect(readKfCallbackEvent({ MsgType: 'event', Event: 'kf_account_auth_change' }).kind).toBe('skip');
    expect(readKfCallbackEvent({ MsgType: 'event', Event: 'kf_msg_or_event' }).kind).toBe('skip');
  });
});
