import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Channel, Lang } from '@libs/common/contracts/common-fields';
import { DomainError } from '@libs/common/errors/domain-error';
import { FieldCipher } from '@libs/common/pii/field-cipher';
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

/** Conversations and their messages in the gateway schema. Message texts are encrypted here and nowhere else. */
@Injectable()
export class ConversationStore {
  private readonly conversations: Repository<ConversationEntity>;
  private readonly messages: Repository<MessageEntity>;

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
   * conversation: then it answers with that earlier message's id.
   */
  async storeInbound(message: {
    id: string;
    conversationId: string;
    platformMessageId?: string;
    text: string;
  }): Promise<{ id: string; isNew: boolean }> {
    const inserted = await this.withConversation(() =>
      this.dataSource.query(
        `INSERT INTO gateway.messages (id, conversation_id, direction, platform_message_id, text_cipher)
         VALUES ($1, $2, 'in', $3, $4)
         ON CONFLICT (conversation_id, platform_message_id) DO NOTHING
         RETURNING id`,
        [message.id, message.conversationId, message.platformMessageId ?? null, this.cipher.encrypt(message.text)],
      ),
    );
    if (inserted.length > 0) return { id: message.id, isNew: true };
    const earlier = await this.messages.findOneByOrFail({
      conversationId: message.conversationId,
      platformMessageId: message.platformMessageId,
    });
    return { id: earlier.id, isNew: false };
  }

  /** Stores a reply once, however often it is delivered; returns it as stored. */
  async storeOutbound(reply: ReplyV1): Promise<StoredMessage> {
    const inserted: Array<{ created_at: Date }> = await this.withConversation(() =>
      this.dataSource.query(
        `INSERT INTO gateway.messages (id, conversation_id, direction, in_reply_to, text_cipher, quick_replies, end_of_turn)
         VALUES ($1, $2, 'out', $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING
         RETURNING created_at`,
        [
          reply.messageId,
          reply.conversationId,
          reply.inReplyTo ?? null,
          this.cipher.encrypt(reply.text),
          reply.quickReplies ? JSON.stringify(reply.quickReplies) : null,
          reply.endOfTurn,
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

  async list(conversationId: string, limit = 200): Promise<StoredMessage[]> {
    if (!(await this.exists(conversationId))) throw new ConversationNotFound();
    const rows = await this.messages.find({
      where: { conversationId },
      order: { createdAt: 'ASC', direction: 'ASC' },
      take: limit,
    });
    return rows.map((row) => this.view(row));
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

  private async withConversation<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw new ConversationNotFound();
      throw error;
    }
  }
}
