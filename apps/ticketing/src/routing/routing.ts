import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { routeTicket } from './route-ticket';
import { RoutingRuleEntity } from './routing-rule.entity';

/** Finds the department for a ticket from the rules as they are in the database now (edits apply at once). */
@Injectable()
export class Routing {
  constructor(private readonly dataSource: DataSource) {}

  async departmentFor(category: string, regionCode: string): Promise<DepartmentEntity> {
    const departments = this.dataSource.getRepository(DepartmentEntity);
    const [rules, desk] = await Promise.all([
      this.dataSource.getRepository(RoutingRuleEntity).findBy({ category }),
      departments.findOneBy({ isDefaultDesk: true }),
    ]);
    if (!desk) throw new Error('no default desk configured: load the departments first');
    const code = routeTicket({ category, regionCode }, rules, desk.code);
    return code === desk.code ? desk : departments.findOneByOrFail({ code });
  }

  async defaultDesk(): Promise<DepartmentEntity> {
    const desk = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ isDefaultDesk: true });
    if (!desk) throw new Error('no default desk configured: load the departments first');
    return desk;
  }

  department(code: string): Promise<DepartmentEntity> {
    return this.dataSource.getRepository(DepartmentEntity).findOneByOrFail({ code });
  }
}
