import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One message of a conversation, in or out. The text is personal data: stored only encrypted. */
@Entity({ schema: 'gateway', name: 'messages' })
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  @Column('text')
  direction!: 'in' | 'out';

  @Column('text', { name: 'platform_message_id', nullable: true })
  platformMessageId!: string | null;

  @Column('uuid', { name: 'in_reply_to', nullable: true })
  inReplyTo!: string | null;

  @Column('text', { name: 'text_cipher' })
  textCipher!: string;

  @Column('jsonb', { name: 'quick_replies', nullable: true })
  quickReplies!: string[] | null;

  @Column('boolean', { name: 'end_of_turn', nullable: true })
  endOfTurn!: boolean | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
