import { randomUUID } from 'node:crypto';
import { ChannelInboundV1 } from './channel-inbound.v1';
import { createReply } from './channel-outbound.v1';
import { createEnvelope, derivedId } from './envelope';
import { topicSchemas } from './topics';

const inbound = (payload: Record<string, unknown>) =>
  createEnvelope('channel.message', 1, 'c1', payload, { traceId: 'trace-1' });

const textMessage = {
  kind: 'text',
  channel: 'webchat',
  conversationId: randomUUID(),
  citizenId: 'citizen-1',
  messageId: randomUUID(),
  text: '你好',
  receivedAt: '2026-11-26T08:00:00.000Z',
};

describe('envelopes', () => {
  it('derives the same id from the same cause, and different ids for different parts', () => {
    const cause = randomUUID();
    expect(derivedId(cause, 'channel.reply')).toBe(derivedId(cause, 'channel.reply'));
    expect(derivedId(cause, 'channel.reply', 1)).not.toBe(derivedId(cause, 'channel.reply'));
    expect(derivedId(randomUUID(), 'channel.reply')).not.toBe(derivedId(cause, 'channel.reply'));
  });

  it('gives a reply the id of its envelope and keeps the trace', () => {
    const reply = createReply(
      { channel: 'webchat', conversationId: randomUUID(), text: '好的', endOfTurn: true },
      { traceId: 'trace-9', envelopeId: randomUUID() },
    );
    expect(reply.payload.messageId).toBe(reply.id);
    expect(reply.traceId).toBe('trace-9');
    expect(topicSchemas['channel.outbound.v1'].safeParse(reply).success).toBe(true);
  });

  it('accepts a valid citizen message and refuses malformed ones', () => {
    expect(ChannelInboundV1.safeParse(inbound(textMessage)).success).toBe(true);
    expect(ChannelInboundV1.safeParse(inbound({ ...textMessage, text: '' })).success).toBe(false);
    expect(ChannelInboundV1.safeParse(inbound({ ...textMessage, text: '字'.repeat(2001) })).success).toBe(false);
    expect(ChannelInboundV1.safeParse(inbound({ ...textMessage, channel: 'fax' })).success).toBe(false);
    expect(ChannelInboundV1.safeParse(inbound({ ...textMessage, kind: 'location' })).success).toBe(false);
    expect(ChannelInboundV1.safeParse({ ...inbound(textMessage), version: 2 }).success).toBe(false);
    expect(ChannelInboundV1.safeParse({ ...inbound(textMessage), id: 'not-a-uuid' }).success).toBe(false);
  });
});
