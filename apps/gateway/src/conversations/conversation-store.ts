import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Channel, Lang } from '@libs/common/contracts/common-fields';
import { DomainError } from '@libs/common/errors/domain-error';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { eachAloneOnFailure, MicroBatcher } from '@libs/common/batching/micro-batcher';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';

export interface StoredMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  quickReplies?: string[];
  inReplyTo?: string;
  endOfTurn?: boolean;
  createdAt: string;
}

export class ConversationNotFound extends DomainError {
  constructor() {
    super('not_found', '会话不存在或已失效，请开始新的会话');
  }
}

const FOREIGN_KEY_VIOLATION = '23503';

interface InboundMessage {
  id: string;
  conversationId: string;
  platformMessageId?: string;
  text: string;
}
type StoredInbound = { id: string; isNew: boolean };

/** Conversations and their messages in the gateway schema. Message texts are encrypted here and nowhere else. */
@Injectable()
export class ConversationStore {
  private readonly conversations: Repository<ConversationEntity>;
  private readonly messages: Repository<MessageEntity>;
  /**
   * Concurrent citizens' messages share one INSERT; after a failure each is stored alone, so that only the one at
   * fault (a conversation that does not exist) gets the error.
   */
  private readonly inbound = new MicroBatcher(
    eachAloneOnFailure(
      (messages: InboundMessage[]) => this.insertInboundRows(messages),
      (message) => this.withConversation(() => this.insertInboundRows([message])).then(([stored]) => stored),
    ),
    { lingerMs: 2, maxBatchSize: 200 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    this.conversations = dataSource.getRepository(ConversationEntity);
    this.messages = dataSource.getRepository(MessageEntity);
  }

  async open(id: string, channel: Channel, citizenId: string, lang: Lang | undefined): Promise<void> {
    await this.conversations.insert({ id, channel, citizenId, lang: lang ?? null, createdAt: new Date() });
  }

  exists(id: string): Promise<boolean> {
    return this.conversations.existsBy({ id });
  }

  /**
   * Stores a citizen's message, unless the platform already delivered one with the same platform id in this
   * conversation: then it answers with that earlier message's id. Concurrent messages share one INSERT.
   */
  async storeInbound(message: InboundMessage): Promise<{ id: string; isNew: boolean }> {
    const stored = await this.inbound.add(message);
    if (stored instanceof Error) throw stored;
    return stored;
  }

  /** Stores a reply once, however often it is delivered; returns it as stored. */
  async storeOutbound(reply: ReplyV1): Promise<StoredMessage> {
    const inserted: Array<{ created_at: Date }> = await this.withConversation(() =>
      this.dataSource.query(
        `INSERT INTO gateway.messages (id, conversation_id, direction, in_reply_to, text_cipher, quick_replies, end_of_turn,
           ticket)
         VALUES ($1, $2, 'out', $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO NOTHING
         RETURNING created_at`,
        [
          reply.messageId,
          reply.conversationId,
          reply.inReplyTo ?? null,
          this.cipher.encrypt(reply.text),
          reply.quickReplies ? JSON.stringify(reply.quickReplies) : null,
          reply.endOfTurn,
          reply.ticket ? JSON.stringify(reply.ticket) : null,
        ],
      ),
    );
    if (inserted.length === 0) return this.view(await this.messages.findOneByOrFail({ id: reply.messageId }));
    return {
      id: reply.messageId,
      direction: 'out',
      text: reply.text,
      ...(reply.quickReplies ? { quickReplies: reply.quickReplies } : {}),
      ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo } : {}),
      endOfTurn: reply.endOfTurn,
      createdAt: inserted[0].created_at.toISOString(),
    };
  }

  /**
   * A conversation's messages in order. Without `after`: the latest `limit` (what a page shows first). With `after`:
   * the `limit` that follow that message (a reconnecting page's catch-up); an id that is not a message of this
   * conversation counts as none, and the page drops what it already shows by id.
   */
  async list(conversationId: string, options: { after?: string; limit?: number } = {}): Promise<StoredMessage[]> {
    if (!(await this.exists(conversationId))) throw new ConversationNotFound();
    const limit = options.limit ?? 200;
    const anchor = options.after ? await this.messages.existsBy({ id: options.after, conversationId }) : false;
    const query = this.messages
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId })
      .limit(limit);
    if (!anchor) {
      const latest = await query.orderBy({ 'm.created_at': 'DESC', 'm.direction': 'DESC', 'm.id': 'DESC' }).getMany();
      return latest.reverse().map((row) => this.view(row));
    }
    const following = await query
      .andWhere(
        '(m.created_at, m.direction, m.id) > (SELECT created_at, direction, id FROM gateway.messages WHERE id = :after)',
        { after: options.after },
      )
      .orderBy({ 'm.created_at': 'ASC', 'm.direction': 'ASC', 'm.id': 'ASC' })
      .getMany();
    return following.map((row) => this.view(row));
  }

  async repliesTo(messageId: string): Promise<StoredMessage[]> {
    const rows = await this.messages.find({ where: { inReplyTo: messageId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => this.view(row));
  }

  private view(row: MessageEntity): StoredMessage {
    return {
      id: row.id,
      direction: row.direction,
      text: this.cipher.decrypt(row.textCipher),
      ...(row.quickReplies ? { quickReplies: row.quickReplies } : {}),
      ...(row.inReplyTo ? { inReplyTo: row.inReplyTo } : {}),
      ...(row.endOfTurn !== null ? { endOfTurn: row.endOfTurn } : {}),
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** One INSERT for citizens' messages, each row stamped in arrival order (clock_timestamp, not the statement's now()). */
  private async insertInboundRows(messages: InboundMessage[]): Promise<StoredInbound[]> {
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO gateway.messages (id, conversation_id, direction, platform_message_id, text_cipher, created_at)
       SELECT m.id, m.conversation_id, 'in', m.platform_message_id, m.text_cipher, clock_timestamp()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])
              WITH ORDINALITY AS m(id, conversation_id, platform_message_id, text_cipher, position)
        ORDER BY m.position
       ON CONFLICT (conversation_id, platform_message_id) DO NOTHING
       RETURNING id`,
      [
        messages.map((message) => message.id),
        messages.map((message) => message.conversationId),
        messages.map((message) => message.platformMessageId ?? null),
        messages.map((message) => this.cipher.encrypt(message.text)),
      ],
    );
    const isNew = new Set(inserted.map((row) => row.id));
    const repeats = messages.filter((message) => !isNew.has(message.id));
    const earlier = repeats.length > 0 ? await this.earlierIds(repeats) : new Map<string, string>();
    return messages.map((message) => {
      if (isNew.has(message.id)) return { id: message.id, isNew: true };
      const id = earlier.get(`${message.conversationId}|${message.platformMessageId}`);
      if (!id) throw new Error(`message ${message.id} was neither stored nor found`);
      return { id, isNew: false };
    });
  }

  /** The ids of the messages first stored under these platform ids, by "conversation|platform id". */
  private async earlierIds(repeats: InboundMessage[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; conversation_id: string; platform_message_id: string }> =
      await this.dataSource.query(
        `SELECT m.id, m.conversation_id, m.platform_message_id
           FROM gateway.messages m
           JOIN unnest($1::uuid[], $2::text[]) AS r(conversation_id, platform_message_id)
             ON m.conversation_id = r.conversation_id AND m.platform_message_id = r.platform_message_id`,
        [repeats.map((message) => message.conversationId), repeats.map((message) => message.platformMessageId)],
      );
    return new Map(rows.map((row) => [`${row.conversation_id}|${row.platform_message_id}`, row.id]));
  }

  private async withConversation<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw new ConversationNotFound();
      throw error;
    }
  }
}
