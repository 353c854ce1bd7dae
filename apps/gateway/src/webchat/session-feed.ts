import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { z } from 'zod';
import { LOGGER } from '@libs/common/logging/logging.module';
import { REDIS } from '@libs/common/redis/redis.module';
import { StoredMessage } from '../conversations/conversation-store';

const ChatMessage = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  quickReplies: z.array(z.string()).optional(),
  inReplyTo: z.uuid().optional(),
  endOfTurn: z.boolean().optional(),
  createdAt: z.string(),
});

type Listener = (message: StoredMessage) => void;

/**
 * Live replies of a web chat session, across gateway replicas: the replica that consumes a reply publishes it on the
 * session's Redis channel, and the replica holding the citizen's waiting request or WebSocket receives it.
 */
@Injectable()
export class SessionFeed implements OnModuleDestroy {
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.subscriber = redis.duplicate({ connectionName: 'gateway-session-feed' });
    this.subscriber.on('message', (channel: string, raw: string) => this.dispatch(channel, raw));
  }

  async publish(sessionId: string, message: StoredMessage): Promise<void> {
    await this.redis.publish(channelOf(sessionId), JSON.stringify(message));
  }

  /** Starts listening; resolves once subscribed, so nothing published afterwards is missed. Returns the stop function. */
  async listen(sessionId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = channelOf(sessionId);
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
    }
    listeners.add(listener);
    const stop = async () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(channel) === listeners) {
        this.listeners.delete(channel);
        await this.subscriber.unsubscribe(channel);
      }
    };
    try {
      await this.subscriber.subscribe(channel);
    } catch (error) {
      await stop().catch(() => undefined);
      throw error;
    }
    return stop;
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber.quit();
  }

  private dispatch(channel: string, raw: string): void {
    const parsed = ChatMessage.safeParse(parseJson(raw));
    if (!parsed.success) {
      this.logger.error({ channel }, 'unreadable message on a session channel');
      return;
    }
    for (const listener of this.listeners.get(channel) ?? []) listener(parsed.data);
  }
}

const channelOf = (sessionId: string) => `webchat:session:${sessionId}`;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
