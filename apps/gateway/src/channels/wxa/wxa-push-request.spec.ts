import { CallbackCrypto } from '../wecom-api/callback-crypto';
import { CallbackRejected } from '../wecom-api/callback-rejected';
import { encryptedPartOfPush, plainSignature, pushFieldsOf, pushQueryOf, verifiedEchostr } from './wxa-push-request';
import { WxaPushRejected } from './wxa-push-rejected';

/** The worked examples of the mini-program's 消息推送 documentation: Token AAAAA, EncodingAESKey 43 × "A". */
const TOKEN = 'AAAAA';
const APPID = 'wxba5fad812f8e6fb9';
const OFFICIAL_ENCRYPT =
  '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
const OFFICIAL_QUERY = {
  signature: '6c5c811b55cc85e0e1b54fa2d5b7abde8efaebc5',
  timestamp: '1714112445',
  nonce: '415670741',
  openid: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
  encrypt_type: 'aes',
  msg_signature: '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
};
const crypto = (receiveId = APPID) => new CallbackCrypto({ token: TOKEN, encodingAesKey: 'A'.repeat(43), receiveId });

describe('the server check (GET)', () => {
  const query = {
    signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696',
    echostr: '4375120948345356249',
    timestamp: '1714036504',
    nonce: '1514711492',
  };

  it('computes the documented signature', () => {
    expect(plainSignature(TOKEN, '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
  });

  it('answers the echostr as it came when the signature holds', () => {
    expect(verifiedEchostr(query, TOKEN)).toBe('4375120948345356249');
  });

  it('refuses another token', () => {
    expect(() => verifiedEchostr(query, 'BBBBB')).toThrow(WxaPushRejected);
  });

  it('refuses a query without its signature', () => {
    expect(() => verifiedEchostr({ echostr: 'x', timestamp: '1', nonce: '1' }, TOKEN)).toThrow(CallbackRejected);
  });
});

describe('a safe-mode push (POST)', () => {
  it('opens the documented JSON push and reads its fields', () => {
    const plaintext = crypto().open(
      pushQueryOf(OFFICIAL_QUERY),
      encryptedPartOfPush({ ToUserName: 'gh_97417a04a28d', Encrypt: OFFICIAL_ENCRYPT }),
    );
    expect(pushFieldsOf(plaintext)).toEqual({
      ToUserName: 'gh_97417a04a28d',
      FromUserName: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      CreateTime: '1714112445',
      MsgType: 'event',
      Event: 'debug_demo',
      debug_str: 'hello world',
    });
  });

  it('finds the ciphertext in the XML envelope and in a JSON envelope read raw', () => {
    const xml = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[${OFFICIAL_ENCRYPT}]]></Encrypt></xml>`;
    expect(encryptedPartOfPush(xml)).toBe(OFFICIAL_ENCRYPT);
    expect(encryptedPartOfPush(JSON.stringify({ ToUserName: 'gh_97417a04a28d', Encrypt: OFFICIAL_ENCRYPT }))).toBe(
      OFFICIAL_ENCRYPT,
    );
  });

  it('refuses the push for another mini-program (AppID)', () => {
    expect(() => crypto('wx0000000000000000').open(pushQueryOf(OFFICIAL_QUERY), OFFICIAL_ENCRYPT)).toThrow(
      expect.objectContaining({ reason: 'wrong_receiver' }),
    );
  });

  it('refuses a changed msg_signature', () => {
    const query = { ...OFFICIAL_QUERY, msg_signature: '146e02f8204d34f8ba5fa3b1db94908f3df2e9b3' };
    expect(() => crypto().open(pushQueryOf(query), OFFICIAL_ENCRYPT)).toThrow(
      expect.objectContaining({ reason: 'bad_signature' }),
    );
  });

  it('refuses a plaintext-mode push (no msg_signature), and another encrypt_type', () => {
    const { msg_signature: _dropped, encrypt_type: _type, ...plaintext } = OFFICIAL_QUERY;
    expect(() => pushQueryOf(plaintext)).toThrow(expect.objectContaining({ reason: 'plaintext_push' }));
    expect(() => pushQueryOf({ ...OFFICIAL_QUERY, encrypt_type: 'raw' })).toThrow(
      expect.objectContaining({ reason: 'plaintext_push' }),
    );
  });

  it.each([
    ['a JSON body without Encrypt', { ToUserName: 'gh_1' }, 'malformed_json'],
    ['broken JSON text', '{"Encrypt": ', 'malformed_json'],
    ['text that is neither', 'Encrypt=abc', 'bad_body'],
    ['XML without Encrypt', '<xml><ToUserName>gh_1</ToUserName></xml>', 'bad_body'],
  ])('refuses %s', (_case, body, reason) => {
    expect(() => encryptedPartOfPush(body)).toThrow(expect.objectContaining({ reason }));
  });
});
