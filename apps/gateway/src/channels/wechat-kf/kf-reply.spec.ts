import { kfMsgId, kfReplyParts } from './kf-reply';

const REPLY_ID = '3f2b8c1e-9d4a-4e7b-8a61-0c5d2e9f7b34';

describe('kfReplyParts', () => {
  it('sends a reply with choices as a menu message whose buttons are the choices', () => {
    expect(kfReplyParts(REPLY_ID, '请问您要办理哪项业务？', ['我要投诉', '政策咨询'])).toEqual([
      {
        msgid: '3f2b8c1e9d4a4e7b8a610c5d2e9f7b34',
        msgtype: 'msgmenu',
        msgmenu: {
          head_content: '请问您要办理哪项业务？',
          list: [
            { type: 'click', click: { id: '1', content: '我要投诉' } },
            { type: 'click', click: { id: '2', content: '政策咨询' } },
          ],
        },
      },
    ]);
  });

  it('sends a plain reply as text', () => {
    expect(kfReplyParts(REPLY_ID, '已为您登记。', undefined)).toEqual([
      { msgid: '3f2b8c1e9d4a4e7b8a610c5d2e9f7b34', msgtype: 'text', text: { content: '已为您登记。' } },
    ]);
  });

  it('falls back to numbered lines when the text is too long for a menu head (1024 bytes)', () => {
    const parts = kfReplyParts(REPLY_ID, '办'.repeat(400), ['我要投诉']);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ msgtype: 'text' });
    expect(parts[0].msgtype === 'text' && parts[0].text.content.endsWith('1. 我要投诉')).toBe(true);
  });

  it('splits a long text into parts with distinct, stable msgids', () => {
    const parts = kfReplyParts(REPLY_ID, '办'.repeat(1000), undefined);
    expect(parts.map((part) => part.msgid)).toEqual([
      '3f2b8c1e9d4a4e7b8a610c5d2e9f7b34',
      '3f2b8c1e9d4a4e7b8a610c5d2e9f7_01',
    ]);
    expect(kfReplyParts(REPLY_ID, '办'.repeat(1000), undefined)).toEqual(parts);
  });
});

describe('kfMsgId', () => {
  it('is at most 32 characters of what 微信客服 allows', () => {
    for (const part of [0, 1, 12]) expect(kfMsgId(REPLY_ID, part)).toMatch(/^[0-9a-zA-Z_-]{1,32}$/);
  });
});
