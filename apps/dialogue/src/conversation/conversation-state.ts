import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { z } from 'zod';
import { REDIS } from '@libs/common/redis/redis.module';

/** What the assistant remembers of a conversation between turns. In Redis: any dialogue replica may take the next turn. */
export const ConversationState = z.object({
  /** Turns in a row the assistant could not answer. */
  failedTurns: z.number().int().min(0).default(0),
  /** Knowledge items offered to choose from in the last turn, in the order shown. */
  offered: z.array(z.object({ itemId: z.string(), title: z.string() })).default([]),
  /** The item the last answer came from: what a follow-up such as 那退休人员呢？ is about. */
  topicItemId: z.string().optional(),
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
