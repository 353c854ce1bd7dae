import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'gateway', name: 'staff_accounts' })
export class StaffAccountEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  username!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text', { array: true })
  roles!: string[];

  @Column('text', { name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column('boolean', { name: 'is_disabled', default: false })
  isDisabled!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
