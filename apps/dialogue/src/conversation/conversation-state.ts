import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { z } from 'zod';
import { GeoPoint, Lang } from '@libs/common/contracts/common-fields';
import { REDIS } from '@libs/common/redis/redis.module';
import { IdentityTag } from '../nlu/slots/slots';
import { TaxFacts } from '../tax/tax-facts-from-slots';

/** A question the assistant asked and is waiting for the answer to. */
const Pending = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tax'), facts: TaxFacts }),
  z.object({
    type: z.literal('eligibility'),
    ruleSetId: z.string(),
    facts: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])),
    asking: z.string(),
  }),
  z.object({ type: z.literal('survey'), surveyId: z.string(), index: z.number().int().min(0) }),
  /** 我要投诉 with nothing more: the next message is the complaint. */
  z.object({ type: z.literal('complaint_details') }),
  /** A concluded work order waiting for the citizen's 好差评. */
  z.object({ type: z.literal('rating'), ticketNo: z.string() }),
  /** 订阅预警 with no place said: which district, or a location; asked again once when the answer is not a place. */
  z.object({ type: z.literal('alert_subscription'), hasAskedAgain: z.boolean() }),
  /** 提醒我… with no date said: which day; `subject` is what to remind of, when the message said it. */
  z.object({ type: z.literal('reminder'), subject: z.string().optional() }),
]);
export type Pending = z.infer<typeof Pending>;

/**
 * What the assistant remembers of a conversation between turns: in Redis, so any dialogue replica may take the next
 * turn, and for 30 minutes after the last message (it may hold facts a citizen gave for a calculation or a check).
 */
export const ConversationState = z.object({
  /** Turns in a row the assistant could not answer. */
  failedTurns: z.number().int().min(0).default(0),
  /** Knowledge items offered to choose from in the last turn, in the order shown. */
  offered: z.array(z.object({ itemId: z.string(), title: z.string() })).default([]),
  /** The item the last answer came from: what a follow-up such as 那退休人员呢？ is about. */
  topicItemId: z.string().optional(),
  pending: Pending.optional(),
  /** Groups the citizen said they are in (老年人, 残疾人 …): special groups get a person first. */
  identityTags: z.array(IdentityTag).default([]),
  /** The region the citizen said they are in, as a 6-digit code. */
  regionCode: z.string().optional(),
  /** The last location the citizen shared: a complaint that follows is about that place. */
  location: GeoPoint.optional(),
  /** The language the citizen writes in, once known. */
  lang: Lang.optional(),
  /** A deadline the last answer named (…6月30日前), so 到期前提醒我 knows which date and what for. */
  namedDeadline: z.object({ date: z.string(), subject: z.string() }).optional(),
  /** The choices offered with the last reply, so a bare number (1, 2…) picks one. */
  choices: z.array(z.string()).default([]),
});
export type ConversationState = z.infer<typeof ConversationState>;

export const freshState = (): ConversationState => ConversationState.parse({});

const TTL_SECONDS = 30 * 60;

@Injectable()
export class ConversationStates {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** The state, or a fresh one for a new, expired or unreadable conversation. */
  async get(conversationId: string): Promise<ConversationState> {
    const raw = await this.redis.get(key(conversationId));
    if (!raw) return freshState();
    const parsed = ConversationState.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : freshState();
  }

  async save(conversationId: string, state: ConversationState): Promise<void> {
    await this.redis.set(key(conversationId), JSON.stringify(state), 'EX', TTL_SECONDS);
  }
}

const key = (conversationId: string) => `dialogue:conversation:${conversationId}`;

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
