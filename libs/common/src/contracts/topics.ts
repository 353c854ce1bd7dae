import { z } from 'zod';
import { ChannelInboundV1 } from './channel-inbound.v1';
import { ChannelOutboundV1 } from './channel-outbound.v1';
import { TicketCommandV1 } from './ticket-commands.v1';
import { TicketEventV1 } from './ticket-events.v1';
import { ConversationEventV1 } from './conversation-events.v1';
import { AlertEventV1 } from './alert-events.v1';
import { SmsReceiptEventV1 } from './sms-receipts.v1';

/** Every topic, and the one schema its messages must match, on produce and on consume. */
export const topicSchemas = {
  'channel.inbound.v1': ChannelInboundV1,
  'channel.outbound.v1': ChannelOutboundV1,
  'ticket.commands.v1': TicketCommandV1,
  'ticket.events.v1': TicketEventV1,
  'conversation.events.v1': ConversationEventV1,
  'alert.events.v1': AlertEventV1,
  'sms.receipts.v1': SmsReceiptEventV1,
} as const;

export type TopicName = keyof typeof topicSchemas;
export type TopicMessage<T extends TopicName> = z.infer<(typeof topicSchemas)[T]>;

export const Topic = {
  ChannelInboundV1: 'channel.inbound.v1',
  ChannelOutboundV1: 'channel.outbound.v1',
  TicketCommandsV1: 'ticket.commands.v1',
  TicketEventsV1: 'ticket.events.v1',
  ConversationEventsV1: 'conversation.events.v1',
  AlertEventsV1: 'alert.events.v1',
  SmsReceiptsV1: 'sms.receipts.v1',
} as const satisfies Record<string, TopicName>;

export const deadLetterTopic = (topic: string) => `${topic}.dlq`;

/** Every topic the system uses, dead-letter topics included: the dev broker and the Kafka init job create these. */
export const allTopicNames = (): string[] =>
  Object.keys(topicSchemas).flatMap((topic) => [topic, deadLetterTopic(topic)]);

/** One message ready to produce: its topic and its envelope, checked against the topic's schema when sent. */
export type Outgoing = { [T in TopicName]: { topic: T; envelope: TopicMessage<T> } }[TopicName];
