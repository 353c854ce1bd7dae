import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { Channel, Lang } from '@libs/common/contracts/common-fields';
import { TicketSummaryV1 } from '@libs/common/contracts/ticket-commands.v1';
import { TicketStatus } from './ticket-lifecycle';

/** A work order (工单). The citizen's words are stored only encrypted. */
@Entity({ schema: 'ticketing', name: 'tickets' })
export class TicketEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'ticket_no', unique: true })
  ticketNo!: string;

  /** The ticket.create envelope it came from: a redelivered command finds its ticket instead of opening another. */
  @Column('uuid', { name: 'source_command_id', unique: true })
  sourceCommandId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  @Column('text')
  channel!: Channel;

  @Column('text', { name: 'citizen_id' })
  citizenId!: string;

  @Column('uuid', { name: 'source_message_id' })
  sourceMessageId!: string;

  @Column('text')
  lang!: Lang;

  @Column('text')
  category!: string;

  @Column('text', { name: 'region_code' })
  regionCode!: string;

  @Column('text', { name: 'description_cipher' })
  descriptionCipher!: string;

  @Column('text')
  status!: TicketStatus;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;

  @Column('timestamptz', { name: 'accepted_at' })
  acceptedAt!: Date;

  @Column('integer', { name: 'working_days' })
  workingDays!: number;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** What, where and when in a line each, as dialogue summarised the complaint. */
  @Column('jsonb', { nullable: true })
  summary!: TicketSummaryV1 | null;

  /** A point the citizen shared. */
  @Column('jsonb', { nullable: true })
  location!: { lat: number; lon: number; label?: string } | null;

  /** 签收 is due one working day after dispatch. */
  @Column('timestamptz', { name: 'sign_due_at', nullable: true })
  signDueAt!: Date | null;

  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt!: Date | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  /** The department's reply to the citizen, with 办结: encrypted, it may name people and places. */
  @Column('text', { name: 'reply_cipher', nullable: true })
  replyCipher!: string | null;

  /** 好差评, 1 (非常不满意) to 5 (非常满意). */
  @Column('smallint', { nullable: true })
  rating!: number | null;

  @Column('text', { name: 'rating_reason', nullable: true })
  ratingReason!: string | null;

  /** How often a bad rating sent it back (重办). */
  @Column('integer', { name: 'reopen_count' })
  reopenCount!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
