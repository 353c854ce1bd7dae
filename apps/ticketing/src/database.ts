import { AppDatabase } from '@libs/common/database/app-database';
import { CreateTicketingTables1764150100000 } from './migrations/1764150100000-CreateTicketingTables';
import { AddTicketSummaryAndLocation1764180000000 } from './migrations/1764180000000-AddTicketSummaryAndLocation';
import { AddTicketLifecycle1764200000000 } from './migrations/1764200000000-AddTicketLifecycle';
import { CreateOutbox1764210000000 } from './migrations/1764210000000-CreateOutbox';
import { CreateOpen311Requests1764220000000 } from './migrations/1764220000000-CreateOpen311Requests';
import { CreateDeadlineAlerts1764230000000 } from './migrations/1764230000000-CreateDeadlineAlerts';
import { CreateCategoriesAndDepartmentTree1764230000001 } from './migrations/1764230000001-CreateCategoriesAndDepartmentTree';
import { CreateGridTasks1764240000000 } from './migrations/1764240000000-CreateGridTasks';
import { CreateTicketingAuditLog1764250000000 } from './migrations/1764250000000-CreateTicketingAuditLog';
import { DepartmentEntity } from './routing/department.entity';
import { RoutingRuleEntity } from './routing/routing-rule.entity';
import { TicketEntity } from './tickets/ticket.entity';

export const ticketingDatabase = (url: string): AppDatabase => ({
  schema: 'ticketing',
  url,
  entities: [DepartmentEntity, RoutingRuleEntity, TicketEntity],
  migrations: [
    CreateTicketingTables1764150100000,
    AddTicketSummaryAndLocation1764180000000,
    AddTicketLifecycle1764200000000,
    CreateOutbox1764210000000,
    CreateOpen311Requests1764220000000,
    CreateDeadlineAlerts1764230000000,
    CreateCategoriesAndDepartmentTree1764230000001,
    CreateGridTasks1764240000000,
    CreateTicketingAuditLog1764250000000,
  ],
});
