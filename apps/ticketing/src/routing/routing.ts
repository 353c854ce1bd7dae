import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { REDIS } from '@libs/common/redis/redis.module';
import { DepartmentEntity } from './department.entity';
import { RoutingTable } from './routing-table';

const CHANGES_CHANNEL = 'ticketing:routing-changed';
/** A replica that missed an announcement (a Redis reconnect) catches up within this. */
const RELOAD_EVERY_MS = 10_000;

export class UnknownDepartment extends DomainError {
  constructor(code: string) {
    super('not_found', `没有找到承办单位 ${code}`);
  }
}

/**
 * Where tickets go, from the categories, departments and rules as administrators last saved them. Each replica
 * routes from its own copy, reloaded at once when any replica announces an edit (Redis) and every 10 s anyway, so
 * creating a ticket costs no routing queries and an edit applies to the next ticket without a restart.
 */
@Injectable()
export class Routing implements OnModuleInit, OnModuleDestroy {
  private table: RoutingTable | undefined;
  private readonly subscriber: Redis;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.subscriber = redis.duplicate({ connectionName: 'ticketing-routing-changes' });
  }

  async onModuleInit(): Promise<void> {
    this.subscriber.on('message', () => void this.reloadOrLog());
    await this.subscriber.subscribe(CHANGES_CHANNEL);
    this.timer = setInterval(() => void this.reloadOrLog(), RELOAD_EVERY_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.subscriber.quit();
  }

  async departmentFor(category: string, regionCode: string): Promise<DepartmentEntity> {
    return (await this.current()).departmentFor(category, regionCode);
  }

  async defaultDesk(): Promise<DepartmentEntity> {
    return (await this.current()).desk;
  }

  /** 办结时限 of a category (its own or its nearest parent's); null when none is set. */
  async concludeWithinWorkingDays(category: string): Promise<number | null> {
    return (await this.current()).concludeWithinWorkingDays(category);
  }

  /** A department by code; one created a moment ago on another replica is looked for again before giving up. */
  async department(code: string): Promise<DepartmentEntity> {
    const known = (await this.current()).department(code);
    if (known) return known;
    const reloaded = (await this.reload()).department(code);
    if (!reloaded) throw new UnknownDepartment(code);
    return reloaded;
  }

  /** After an edit: this replica reloads before answering, the others on the announcement. */
  async announceChange(): Promise<void> {
    await this.reload();
    await this.redis.publish(CHANGES_CHANNEL, new Date().toISOString());
  }

  private async current(): Promise<RoutingTable> {
    return this.table ?? (await this.reload());
  }

  private async reload(): Promise<RoutingTable> {
    const [categories, departments, rules] = await Promise.all([
      this.dataSource.query(
        `SELECT name, parent_name AS "parentName", conclude_within_working_days AS "concludeWithinWorkingDays",
                position FROM ticketing.categories`,
      ),
      this.dataSource.getRepository(DepartmentEntity).find(),
      this.dataSource.query(
        `SELECT category, region_code AS "regionCode", department_code AS "departmentCode" FROM ticketing.routing_rules`,
      ),
    ]);
    this.table = new RoutingTable(categories, departments, rules);
    return this.table;
  }

  private async reloadOrLog(): Promise<void> {
    try {
      await this.reload();
    } catch (error) {
      this.logger.error({ err: error }, 'routing reload failed; still routing from the previous load');
    }
  }
}
