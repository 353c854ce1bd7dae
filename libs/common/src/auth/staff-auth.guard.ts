import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { StaffClaims, StaffRole } from './staff';

export const ROLES_KEY = 'staff:roles';

export type StaffRequest = Request & { staff?: StaffClaims };

/** Lets a request through when it carries a valid staff token holding one of the roles the route names. */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const token = /^Bearer (\S+)$/.exec(request.header('authorization') ?? '')?.[1];
    if (!token) throw new DomainError('unauthorized', '需要登录：请在 Authorization 头中提供 Bearer 令牌');
    let claims: StaffClaims;
    try {
      claims = StaffClaims.parse(await this.jwt.verifyAsync(token, { algorithms: ['HS256'] }));
    } catch {
      throw new DomainError('unauthorized', '登录令牌无效或已过期，请重新登录');
    }
    const allowed = this.reflector.getAllAndOverride<StaffRole[]>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed?.length && !claims.roles.some((role) => allowed.includes(role))) {
      throw new DomainError('forbidden', `此操作需要以下角色之一：${allowed.join('、')}`);
    }
    request.staff = claims;
    return true;
  }
}
