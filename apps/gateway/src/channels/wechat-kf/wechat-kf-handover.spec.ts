import { z } from 'zod';
import { ChannelContact } from '../channel-contacts';
import { KF_STATE, canMove, KfServiceState, moveBackToAssistant, moveToHuman } from './kf-service-state';
import { KfSessionEnded, WechatKfHandover } from './wechat-kf-handover';

/**
 * 微信客服's session rules as a stand-in for the API: service_state/get reports the state, service_state/trans
 * changes it only along the moves the documentation allows (else errcode, as the platform would).
 */
class SessionStateApi {
  readonly calls: Array<{ path: string; body: Record<string, unknown> }> = [];

  constructor(public state: KfServiceState) {}

  async post<S extends z.ZodType>(path: string, body: Record<string, unknown>, answer: S): Promise<z.infer<S>> {
    this.calls.push({ path, body });
    if (path === '/cgi-bin/kf/service_state/get') return answer.parse({ errcode: 0, service_state: this.state });
    const to = z.literal([0, 1, 2, 3, 4]).parse(body.service_state);
    if (!canMove(this.state, to)) throw new Error(`illegal move ${this.state} → ${to}`);
    this.state = to;
    return answer.parse({ errcode: 0, msg_code: 'MSG_CODE' });
  }
}

const contact: ChannelContact = {
  channel: 'wechat_kf',
  account: 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q',
  address: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw',
  conversationId: '6f1c2b9e-4a53-4f0e-9a57-1f6d7c1e2a10',
  citizenId: 'wechat_kf:abc',
};

describe('WechatKfHandover', () => {
  it('puts a session the assistant has into the queue for the first free servicer', async () => {
    const api = new SessionStateApi(KF_STATE.assistant);
    await new WechatKfHandover(api).toHuman(contact);
    expect(api.state).toBe(KF_STATE.queued);
    expect(api.calls.at(-1)).toEqual({
      path: '/cgi-bin/kf/service_state/trans',
      body: { open_kfid: contact.account, external_userid: contact.address, service_state: 2 },
    });
  });

  it('gives a new session straight to the named servicer', async () => {
    const api = new SessionStateApi(KF_STATE.untouched);
    await new WechatKfHandover(api).toHuman(contact, 'LiSi');
    expect(api.state).toBe(KF_STATE.human);
    expect(api.calls.at(-1)?.body).toMatchObject({ service_state: 3, servicer_userid: 'LiSi' });
  });

  it('leaves a queued session queued when nobody is named', async () => {
    const api = new SessionStateApi(KF_STATE.queued);
    await new WechatKfHandover(api).toHuman(contact);
    expect(api.calls.map((call) => call.path)).toEqual(['/cgi-bin/kf/service_state/get']);
  });

  it('refuses to hand over a session that has ended', async () => {
    await expect(new WechatKfHandover(new SessionStateApi(KF_STATE.ended)).toHuman(contact)).rejects.toThrow(
      KfSessionEnded,
    );
  });

  it("gives the session back by ending the servicer's session", async () => {
    const api = new SessionStateApi(KF_STATE.human);
    await new WechatKfHandover(api).backToAssistant(contact);
    expect(api.state).toBe(KF_STATE.ended);
  });

  it('does nothing to give back a session the assistant has', async () => {
    const api = new SessionStateApi(KF_STATE.assistant);
    await new WechatKfHandover(api).backToAssistant(contact);
    expect(api.calls).toHaveLength(1);
  });
});

describe('the session moves', () => {
  it.each<[KfServiceState, string | undefined, KfServiceState | 'none' | 'ended']>([
    [0, undefined, 2],
    [1, undefined, 2],
    [2, undefined, 'none'],
    [3, undefined, 'none'],
    [4, undefined, 'ended'],
    [2, 'LiSi', 3],
    [3, 'LiSi', 3],
  ])('to a person from %s (servicer %s): %s', (from, servicer, expected) => {
    expect(moveToHuman(from, servicer)).toBe(expected);
  });

  it('never asks for a move 微信客服 forbids', () => {
    for (const from of [0, 1, 2, 3, 4] as const) {
      for (const servicer of [undefined, 'LiSi']) {
        const target = moveToHuman(from, servicer);
        if (typeof target === 'number') expect(canMove(from, target)).toBe(true);
      }
      const back = moveBackToAssistant(from);
      if (typeof back === 'number') expect(canMove(from, back)).toBe(true);
    }
  });
});
