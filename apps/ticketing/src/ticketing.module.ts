import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { StaffAuthModule } from '@libs/common/auth/staff-auth.module';
import { databaseModule } from '@libs/common/database/database.module';
import { HealthModule } from '@libs/common/health/health.module';
import { KafkaModule } from '@libs/common/kafka/kafka.module';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { PersonalDataModule } from '@libs/common/pii/personal-data.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { Clock, SystemClock } from '@libs/common/time/clock';
import { CalendarController } from './calendar/calendar.controller';
import { officialHolidaySchedule } from './calendar/official-holiday-schedule';
import { GridTasks } from './grid/grid-tasks';
import { GridTasksController } from './grid/grid-tasks.controller';
import { DepartmentStatsController } from './stats/department-stats.controller';
import { DepartmentStatsStore } from './stats/department-stats-store';
import { Outbox } from './outbox/outbox';
import { WorkingDayCalendar } from './calendar/working-day-calendar';
import { TICKETING_CONFIG, TicketingConfig } from './config';
import { ticketingDatabase } from './database';
import { Open311ApiKeys } from './open311/open311-api-keys';
import { Open311Controller } from './open311/open311.controller';
import { Open311Requests } from './open311/open311-requests';
import { SubmitOpen311Request } from './open311/submit-open311-request.use-case';
import { DeadlineScanScheduler } from './escalation/deadline-scan.scheduler';
import { EscalationsController } from './escalation/escalations.controller';
import { OverdueTickets } from './escalation/overdue-tickets';
import { OverdueTicketsController } from './escalation/overdue-tickets.controller';
import { ScanDeadlines } from './escalation/scan-deadlines.use-case';
import { Categories } from './routing/categories';
import { Routing } from './routing/routing';
import { RoutingAdmin } from './routing/routing-admin';
import { RoutingAdminController } from './routing/routing-admin.controller';
import { ChangeTicket } from './tickets/change-ticket.use-case';
import { CreateTicket } from './tickets/create-ticket.use-case';
import { TicketActionsController } from './tickets/ticket-actions.controller';
import { TicketHistory } from './tickets/ticket-history';
import { TicketCommandsHandler } from './tickets/ticket-commands.handler';
import { TicketStore } from './tickets/ticket-store';
import { TicketsController } from './tickets/tickets.controller';

export const TICKETING_GROUP_ID = 'ticketing';

@Module({})
export class TicketingModule {
  static forRoot(config: TicketingConfig, logger: Logger): DynamicModule {
    return {
      module: TicketingModule,
      imports: [
        LoggingModule.forRoot(logger),
        databaseModule(ticketingDatabase(config.DATABASE_URL)),
        RedisModule.forRoot(config.REDIS_URL, 'ticketing'),
        KafkaModule.forRoot({ clientId: 'ticketing', groupId: TICKETING_GROUP_ID, brokers: config.KAFKA_BROKERS }),
        PersonalDataModule.forRoot(config),
        StaffAuthModule.forRoot(config.JWT_SECRET),
        HealthModule,
      ],
      controllers: [
        TicketCommandsHandler,
        // Before TicketsController: its /api/v1/tickets/:ticketNo would otherwise take /api/v1/tickets/overdue.
        OverdueTicketsController,
        TicketsController,
        TicketActionsController,
        GridTasksController,
        DepartmentStatsController,
        CalendarController,
        EscalationsController,
        RoutingAdminController,
        Open311Controller,
      ],
      providers: [
        { provide: TICKETING_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: WorkingDayCalendar, useFactory: () => new WorkingDayCalendar(officialHolidaySchedule()) },
        Routing,
        TicketStore,
        CreateTicket,
        ChangeTicket,
        Outbox,
        GridTasks,
        DepartmentStatsStore,
        TicketHistory,
        Categories,
        RoutingAdmin,
        ScanDeadlines,
        DeadlineScanScheduler,
        OverdueTickets,
        { provide: Open311ApiKeys, useValue: new Open311ApiKeys(config.OPEN311_API_KEYS) },
        Open311Requests,
        SubmitOpen311Request,
      ],
    };
  }
}
