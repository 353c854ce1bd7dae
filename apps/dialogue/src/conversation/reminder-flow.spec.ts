import { ChannelInboundV1, CitizenMessageV1 } from '@libs/common/contracts/channel-inbound.v1';
import { Channel } from '@libs/common/contracts/common-fields';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing } from '@libs/common/contracts/topics';
import { Intent } from '../nlu/classifier/intents';
import { Reading } from '../nlu/message-reader';
import { extractSlots } from '../nlu/slots/extract-slots';
import { ConversationState, freshState } from './conversation-state';
import { phrasebookFor } from './phrasebooks';
import { ReminderFlow } from './reminder-flow';

const CONVERSATION = '6f0c6f7e-3b8a-4a53-9d0e-0c1c8f8b2a11';
// Thursday 26 November 2026, 10:00 in Beijing.
const NOW = new Date('2026-11-26T02:00:00Z');
const TODAY = '2026-11-26';
const flow = new ReminderFlow();

function inbound(text: string, channel: Channel = 'webchat', messageId = 'a2b7c9d4-1e2f-4a3b-8c5d-6e7f8a9b0c1d') {
  const message: CitizenMessageV1 = {
    channel,
    conversationId: CONVERSATION,
    citizenId: `${channel}:abc`,
    messageId,
    receivedAt: '2026-11-26T10:00:00+08:00',
    kind: 'text',
    text,
  };
  return ChannelInboundV1.parse(createEnvelope('channel.message', 1, CONVERSATION, message, { traceId: 't-1' }));
}

const reading = (text: string, intent: Intent = 'unknown'): Reading => ({
  intent,
  confidence: 1,
  categoryConfidence: 0,
  slots: extractSlots(text, { homeCityCode: '440100', today: TODAY }),
  tokens: [],
});

function say(text: string, state: ConversationState = freshState(), intent?: Intent, lang: 'zh' | 'en' = 'zh') {
  return flow.respond(inbound(text), text, reading(text, intent), state, phrasebookFor(lang), NOW);
}

const repliesOf = (outgoing: Outgoing[] = []) =>
  outgoing.flatMap((message) => (message.topic === 'channel.outbound.v1' ? [message.envelope.payload.text] : []));
const requestsOf = (outgoing: Outgoing[] = []) =>
  outgoing.flatMap((message) =>
    message.envelope.type === 'conversation.reminder_requested' ? [message.envelope.payload] : [],
  );

describe('ReminderFlow', () => {
  it('confirms a deadline reminder for the day before at 09:00 and tells the notifier', () => {
    const turn = say('6月30日前提醒我办理个税年度汇算');
    expect(repliesOf(turn?.outgoing)[0]).toContain('2027年6月29日（周二）上午9点（北京时间）');
    const [request] = requestsOf(turn?.outgoing);
    expect(request).toMatchObject({
      conversationId: CONVERSATION,
      channel: 'webchat',
      date: '2027-06-30',
      dueAt: '2027-06-29T09:00:00+08:00',
      subject: '办理个税年度汇算',
      lang: 'zh',
      elderMode: false,
    });
  });

  it('derives the reminder id from the message: the same message is the same reminder, another is another', () => {
    const text = '提醒我下周五去交材料';
    const again = flow.respond(inbound(text), text, reading(text), freshState(), phrasebookFor('zh'), NOW);
    const other = flow.respond(
      inbound(text, 'webchat', 'b3c8d0e5-2f3a-4b4c-9d6e-7f8a9b0c1d2e'),
      text,
      reading(text),
      freshState(),
      phrasebookFor('zh'),
      NOW,
    );
    const id = requestsOf(say(text)?.outgoing)[0].reminderId;
    expect(requestsOf(again?.outgoing)[0].reminderId).toBe(id);
    expect(requestsOf(other?.outgoing)[0].reminderId).not.toBe(id);
  });

  it('takes 到期前提醒我 to mean the deadline the last answer named', () => {
    const state = { ...freshState(), namedDeadline: { date: '2027-03-31', subject: '申请创业补贴' } };
    const [request] = requestsOf(say('到期前提醒我', state)?.outgoing);
    expect(request).toMatchObject({ date: '2027-03-31', dueAt: '2027-03-30T09:00:00+08:00', subject: '申请创业补贴' });
  });

  it('asks once for the day when none was said, and then takes it', () => {
    const asked = say('提醒我去交材料');
    expect(repliesOf(asked?.outgoing)[0]).toContain('哪一天');
    expect(requestsOf(asked?.outgoing)).toEqual([]);
    const answered = say('下周五', asked?.next);
    expect(requestsOf(answered?.outgoing)[0]).toMatchObject({ date: '2026-12-04', subject: '去交材料' });
    expect(answered?.next.pending).toBeUndefined();
  });

  it('lets a citizen asked for a day turn to something else', () => {
    const asked = say('提醒我去交材料');
    expect(say('我要投诉', asked?.next, 'complaint')).toBeUndefined();
    expect(repliesOf(say('不知道', asked?.next)?.outgoing)[0]).toContain('没有设置提醒');
    expect(say('办理居住证需要带哪些材料，在哪里办', asked?.next, 'service_guide')).toBeUndefined();
  });

  it('says a date gone by, or over a year ahead, and tells the notifier nothing', () => {
    const past = say('2026年11月1日提醒我交材料');
    expect(repliesOf(past?.outgoing)[0]).toContain('已经过去');
    const far = say('2028年1月5日提醒我交材料');
    expect(repliesOf(far?.outgoing)[0]).toContain('超过一年');
    expect(requestsOf([...(past?.outgoing ?? []), ...(far?.outgoing ?? [])])).toEqual([]);
  });

  it('cancels with 取消提醒, and says policy news is not offered yet', () => {
    const cancelled = say('取消提醒');
    expect(cancelled?.outgoing.map((message) => message.envelope.type)).toEqual([
      'channel.reply',
      'conversation.reminder_cancelled',
    ]);
    expect(repliesOf(say('有新政策提醒我')?.outgoing)[0]).toBe(phrasebookFor('zh').remindersNotOpen);
  });

  it('confirms in English', () => {
    const turn = say('remind me to hand in the documents on 2027-01-05', freshState(), undefined, 'en');
    expect(repliesOf(turn?.outgoing)[0]).toContain('Tuesday, 5 January 2027 at 9:00 (Beijing time)');
    expect(requestsOf(turn?.outgoing)[0]).toMatchObject({ subject: 'hand in the documents', lang: 'en' });
  });
});
