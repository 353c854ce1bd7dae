import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ schema: 'ticketing', name: 'routing_rules' })
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('text')
  category!: string;

  @Column('text', { name: 'region_code' })
  regionCode!: string;

  @Column('text', { name: 'department_code' })
  departmentCode!: string;
}
