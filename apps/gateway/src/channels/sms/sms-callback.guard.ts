import { CanActivate, ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { BlockList } from 'node:net';
import { Logger } from 'pino';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { blockListOf, callerAddress, isAllowedCaller, secretMatches } from './callback-access';
import { SMS_SETTINGS, SmsSettings } from './sms-config';

export class SmsCallerNotAllowed extends DomainError {
  constructor() {
    super('forbidden', '来源地址不在短信回调白名单内');
  }
}

/**
 * The door of the SMS callbacks, which the vendors do not sign. A wrong path secret (or SMS off) answers exactly like a
 * route that does not exist, so the URL cannot be probed; a right secret from an address off the allowlist is 403.
 * Runs before the body is read: nothing from a refused request is parsed, stored or produced.
 */
@Injectable()
export class SmsCallbackGuard implements CanActivate {
  private readonly allowed: BlockList;
  private readonly trustedProxies: BlockList;

  constructor(
    @Inject(SMS_SETTINGS) private readonly settings: SmsSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.allowed = blockListOf(settings.callbacks?.allowed ?? []);
    this.trustedProxies = blockListOf(settings.callbacks?.trustedProxies ?? []);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const callbacks = this.settings.callbacks;
    const given = typeof request.params.secret === 'string' ? request.params.secret : '';
    if (!callbacks || !secretMatches(given, callbacks.secret)) {
      // Nest's own answer for an unknown route, word for word.
      throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
    }
    const caller = callerAddress(
      request.socket.remoteAddress ?? '',
      request.header('x-forwarded-for'),
      this.trustedProxies,
    );
    if (!isAllowedCaller(caller, this.allowed)) {
      const route = (request.route as { path?: string } | undefined)?.path;
      this.logger.warn({ caller, route }, 'sms callback refused: caller not on SMS_CALLBACK_ALLOWED_IPS');
      throw new SmsCallerNotAllowed();
    }
    return true;
  }
}
