import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One citizen's conversation on one channel. For the web chat, its id is the session id. */
@Entity({ schema: 'gateway', name: 'conversations' })
export class ConversationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  channel!: string;

  /** Pseudonymous: never a platform user id or phone number in clear. */
  @Column('text', { name: 'citizen_id' })
  citizenId!: string;

  @Column('text', { nullable: true })
  lang!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
