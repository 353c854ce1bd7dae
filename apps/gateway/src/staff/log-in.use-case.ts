import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@libs/common/audit/audit-trail';
import { StaffClaims, StaffRole } from '@libs/common/auth/staff';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { REDIS } from '@libs/common/redis/redis.module';
import { StaffAccountEntity } from './staff-account.entity';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hash';

const MAX_FAILURES = 10;
const FAILURE_WINDOW_SECONDS = 15 * 60;

export class LoginRefused extends DomainError {
  constructor() {
    super('unauthorized', '用户名或密码不正确');
  }
}

export class TooManyLoginAttempts extends DomainError {
  constructor() {
    super('too_many_requests', '登录失败次数过多，请 15 分钟后再试');
  }
}

/**
 * Staff sign-in: checks the password and issues an access token carrying roles and department. Ten failures for one
 * username within 15 minutes lock it for the rest of the window. Every sign-in goes on the audit trail.
 */
@Injectable()
export class LogIn {
  private readonly audit: AuditTrail;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.audit = new AuditTrail(dataSource, 'gateway');
  }

  async execute(username: string, password: string): Promise<{ accessToken: string }> {
    const failuresKey = `login-failures:${username.toLowerCase()}`;
    if (Number(await this.redis.get(failuresKey)) >= MAX_FAILURES) throw new TooManyLoginAttempts();
    const account = await this.dataSource.getRepository(StaffAccountEntity).findOneBy({ username });
    const isValid = await verifyPassword(password, account?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!account || !isValid || account.isDisabled) {
      await this.redis.multi().incr(failuresKey).expire(failuresKey, FAILURE_WINDOW_SECONDS).exec();
      this.logger.warn({ username }, 'staff sign-in refused');
      throw new LoginRefused();
    }
    await this.redis.del(failuresKey);
    const claims: StaffClaims = {
      sub: account.id,
      username: account.username,
      roles: account.roles.map((role) => StaffRole.parse(role)),
      ...(account.departmentCode ? { departmentCode: account.departmentCode } : {}),
    };
    const record = await this.audit.record({
      actor: account.username,
      action: 'staff.sign_in',
      subject: `staff:${account.id}`,
      reason: 'sign-in',
      traceId: traceContext.traceId(),
    });
    this.logger.info({ username, auditSeq: record.seq, auditHash: record.hash }, 'staff signed in');
    return { accessToken: await this.jwt.signAsync(claims) };
  }
}
