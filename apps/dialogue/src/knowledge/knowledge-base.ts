import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { REDIS } from '@libs/common/redis/redis.module';
import { KnowledgeFile } from './knowledge-file';
import { KnowledgeIndex, KnowledgeMatch, KnowledgeVersion, SearchContext } from './knowledge-index';
import { KnowledgeStore } from './knowledge-store';

/** Splits a text into the tokens retrieval matches on (the app's segmenter). */
export const TOKENIZER = Symbol('TOKENIZER');
export type Tokenizer = (text: string) => string[];

const CHANGES_CHANNEL = 'dialogue:knowledge-changed';
const RECHECK_MS = 15_000;

/**
 * The knowledge base as this replica answers from it: an in-memory index of what is published. A change published
 * through any replica is announced on Redis and every replica reloads at once; a periodic check of the database
 * catches an announcement a replica missed (a Redis reconnect), so no replica serves an old version for long.
 */
@Injectable()
export class KnowledgeBase implements OnModuleInit, OnModuleDestroy {
  private index: KnowledgeIndex;
  private stamp = '';
  private readonly subscriber: Redis;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: KnowledgeStore,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TOKENIZER) private readonly tokenize: Tokenizer,
  ) {
    this.index = new KnowledgeIndex([], tokenize);
    this.subscriber = redis.duplicate({ connectionName: 'dialogue-knowledge-changes' });
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.subscriber.on('message', () => void this.reload().catch((error) => this.logReloadFailure(error)));
    await this.subscriber.subscribe(CHANGES_CHANNEL);
    this.timer = setInterval(
      () => void this.reloadIfChanged().catch((error) => this.logReloadFailure(error)),
      RECHECK_MS,
    );
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.subscriber.quit();
  }

  search(text: string, context: SearchContext, limit?: number): KnowledgeMatch[] {
    return this.index.search(text, context, limit);
  }

  versionInForce(itemId: string, context: SearchContext): KnowledgeVersion | undefined {
    return this.index.versionInForce(itemId, context);
  }

  /** Tells every replica (this one included) to reload now. */
  async announceChange(): Promise<void> {
    await this.redis.publish(CHANGES_CHANNEL, new Date().toISOString());
  }

  private async reloadIfChanged(): Promise<void> {
    if ((await this.store.stamp()) !== this.stamp) await this.reload();
  }

  private async reload(): Promise<void> {
    const stamp = await this.store.stamp();
    const files: KnowledgeFile[] = [];
    for (const document of await this.store.published()) {
      const parsed = KnowledgeFile.safeParse(document);
      if (parsed.success) files.push(parsed.data);
      else this.logger.error({ itemId: document.id }, 'stored knowledge item no longer matches the format: left out');
    }
    this.index = new KnowledgeIndex(files, this.tokenize);
    this.stamp = stamp;
    this.logger.info({ items: files.length, stamp }, 'knowledge base loaded');
  }

  private logReloadFailure(error: unknown): void {
    this.logger.error({ err: error }, 'knowledge base reload failed; still answering from the previous load');
  }
}
