import { Channel } from '@libs/common/contracts/common-fields';
import { ChannelInboundV1, CitizenMessageV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing } from '@libs/common/contracts/topics';
import { Intent } from '../nlu/classifier/intents';
import { Reading } from '../nlu/message-reader';
import { extractSlots } from '../nlu/slots/extract-slots';
import { AlertSubscriptionFlow, isPlaceAnswer } from './alert-subscription-flow';
import { ConversationState, freshState } from './conversation-state';
import { phrasebookFor } from './phrasebooks';

const CONVERSATION = '6f0c6f7e-3b8a-4a53-9d0e-0c1c8f8b2a11';
const flow = new AlertSubscriptionFlow();
const zh = phrasebookFor('zh');

function inbound(
  channel: Channel,
  body: { kind: 'text'; text: string } | { kind: 'location'; lat: number; lon: number },
) {
  const common = {
    channel,
    conversationId: CONVERSATION,
    citizenId: `${channel}:abc`,
    messageId: 'a2b7c9d4-1e2f-4a3b-8c5d-6e7f8a9b0c1d',
    receivedAt: '2026-11-26T10:00:00+08:00',
  };
  const message: CitizenMessageV1 =
    body.kind === 'text'
      ? { ...common, kind: 'text', text: body.text }
      : { ...common, kind: 'location', location: { lat: body.lat, lon: body.lon, label: '天河体育中心' } };
  return ChannelInboundV1.parse(createEnvelope('channel.message', 1, CONVERSATION, message, { traceId: 't-1' }));
}

const reading = (text: string, intent: Intent = 'unknown'): Reading => ({
  intent,
  confidence: 1,
  categoryConfidence: 0,
  slots: extractSlots(text, { homeCityCode: '440100' }),
  tokens: [],
});

function say(channel: Channel, text: string, state: ConversationState = freshState(), intent?: Intent) {
  return flow.respond(inbound(channel, { kind: 'text', text }), text, reading(text, intent), state, zh);
}

const repliesOf = (outgoing: Outgoing[] = []) =>
  outgoing.flatMap((message) => (message.topic === 'channel.outbound.v1' ? [message.envelope.payload.text] : []));
const requestsOf = (outgoing: Outgoing[] = []) =>
  outgoing.flatMap((message) =>
    message.envelope.type === 'conversation.alert_subscription_requested' ? [message.envelope.payload] : [],
  );

describe('订阅预警 in a conversation', () => {
  it('asks for the district, then subscribes the one named and says how to cancel', () => {
    const asked = say('wecom', '订阅预警');
    expect(asked?.outcome).toBe('clarification');
    expect(repliesOf(asked?.outgoing).join()).toContain('哪个区县');
    expect(requestsOf(asked?.outgoing)).toEqual([]);

    const answered = say('wecom', '天河区', asked?.next);
    expect(answered?.next.pending).toBeUndefined();
    expect(repliesOf(answered?.outgoing).join()).toContain('已为您订阅广东省广州市天河区的预警信息');
    expect(repliesOf(answered?.outgoing).join()).toContain('回复“取消订阅预警”');
    expect(requestsOf(answered?.outgoing)).toEqual([
      {
        conversationId: CONVERSATION,
        citizenId: 'wecom:abc',
        channel: 'wecom',
        action: 'subscribe',
        regionCodes: ['440106'],
        lang: 'zh',
        elderMode: false,
      },
    ]);
  });

  it('subscribes at once when the district is in the request', () => {
    const turn = say('sms', '我想收到越秀区的暴雨台风预警');
    expect(requestsOf(turn?.outgoing)).toMatchObject([{ action: 'subscribe', regionCodes: ['440104'] }]);
    expect(repliesOf(turn?.outgoing).join()).toContain('通过短信');
  });

  it('subscribes by a location shared after the question, marked as GCJ-02', () => {
    const asked = say('wxa', '订阅预警');
    const shared = flow.respondToLocation(
      inbound('wxa', { kind: 'location', lat: 23.1291, lon: 113.3245 }),
      asked?.next ?? freshState(),
      zh,
    );
    expect(requestsOf(shared?.outgoing)).toMatchObject([
      { action: 'subscribe', regionCodes: [], location: { lat: 23.1291, lon: 113.3245, coordinateSystem: 'gcj02' } },
    ]);
    expect(repliesOf(shared?.outgoing).join()).toContain('天河体育中心');
  });

  it('leaves a location shared without the question to the rest of the conversation', () => {
    const shared = inbound('wxa', { kind: 'location', lat: 23.1291, lon: 113.3245 });
    expect(flow.respondToLocation(shared, freshState(), zh)).toBeUndefined();
  });

  it('unsubscribes on 取消订阅预警', () => {
    const turn = say('wecom', '取消订阅预警');
    expect(requestsOf(turn?.outgoing)).toMatchObject([{ action: 'unsubscribe', regionCodes: [] }]);
    expect(repliesOf(turn?.outgoing).join()).toContain('已为您取消预警订阅');
  });

  it('offers the places of a shared name as choices', () => {
    const turn = say('wecom', '订阅鼓楼区的预警');
    expect(turn?.outgoing.at(-1)?.envelope.payload).toMatchObject({
      quickReplies: expect.arrayContaining(['江苏省南京市鼓楼区', '福建省福州市鼓楼区']),
    });
    const chosen = say('wecom', '福建省福州市鼓楼区', turn?.next);
    expect(requestsOf(chosen?.outgoing)).toMatchObject([{ regionCodes: ['350102'] }]);
  });

  it('tells a web chat or 微信客服 citizen where alerts can be subscribed to, and sends nothing', () => {
    for (const channel of ['webchat', 'wechat_kf'] as const) {
      const turn = say(channel, '订阅预警');
      expect(requestsOf(turn?.outgoing)).toEqual([]);
      expect(repliesOf(turn?.outgoing).join()).toContain('不能主动向您推送预警');
      expect(turn?.next.pending).toBeUndefined();
    }
  });

  it('asks once more when the answer is not a place, then lets the citizen move on', () => {
    const asked = say('wecom', '订阅预警');
    const again = say('wecom', '就是我家这边', asked?.next);
    expect(repliesOf(again?.outgoing).join()).toContain('没能认出这个地名');
    expect(say('wecom', '就是我家这边', again?.next)).toBeUndefined();
  });

  it('lets 取消 and other switches through, and ignores messages with nothing to do with alerts', () => {
    const asked = say('wecom', '订阅预警');
    expect(say('wecom', '取消', asked?.next, 'cancel')).toBeUndefined();
    expect(say('wecom', '公租房怎么申请')).toBeUndefined();
  });

  it('speaks English to an English-speaking citizen', () => {
    const text = 'subscribe to alerts';
    const turn = flow.respond(
      inbound('wecom', { kind: 'text', text }),
      text,
      reading(text),
      freshState(),
      phrasebookFor('en'),
    );
    expect(repliesOf(turn?.outgoing).join()).toContain('For which district');
  });
});

describe('an answer to "which district?"', () => {
  it('is a place unless it is a longer complaint that names one', () => {
    expect(isPlaceAnswer('天河区', { intent: 'complaint' })).toBe(true);
    expect(isPlaceAnswer('我住在广州市天河区车陂街道', { intent: 'unknown' })).toBe(true);
    expect(isPlaceAnswer('天河区车陂路有人半夜施工太吵了', { intent: 'complaint' })).toBe(false);
  });
});
