import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { TicketSummaryV1 } from '@libs/common/contracts/ticket-commands.v1';

export type TicketStatus = 'assigned';

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
  channel!: string;

  @Column('text', { name: 'citizen_id' })
  citizenId!: string;

  @Column('uuid', { name: 'source_message_id' })
  sourceMessageId!: string;

  @Column('text')
  lang!: string;

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

  @VersionColumn()
  version!: number;
}
