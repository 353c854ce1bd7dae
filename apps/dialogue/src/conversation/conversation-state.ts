import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '@libs/common/redis/redis.module';

/** What the assistant remembers of a conversation between turns, in Redis: any dialogue replica may take the next turn. */
export interface ConversationState {
  /** Turns in a row the assistant could not answer. */
  failedTurns: number;
}

const TTL_SECONDS = 30 * 60;

@Injectable()
export class ConversationStates {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async get(conversationId: string): Promise<ConversationState> {
    const failedTurns = await this.redis.hget(key(conversationId), 'failedTurns');
    return { failedTurns: Number(failedTurns ?? 0) };
  }

  async save(conversationId: string, state: ConversationState): Promise<void> {
    await this.redis
      .multi()
      .hset(key(conversationId), 'failedTurns', state.failedTurns)
      .expire(key(conversationId), TTL_SECONDS)
      .exec();
  }
}

const key = (conversationId: string) => `dialogue:conversation:${conversationId}`;
