import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department that handles tickets (承办单位). */
@Entity({ schema: 'ticketing', name: 'departments' })
export class DepartmentEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'region_code' })
  regionCode!: string;

  /** The desk (12345) that takes what no rule routes, and re-routes returned tickets. */
  @Column('boolean', { name: 'is_default_desk' })
  isDefaultDesk!: boolean;
}
