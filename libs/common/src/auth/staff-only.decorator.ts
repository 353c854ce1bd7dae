import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { StaffRole } from './staff';
import { ROLES_KEY, StaffAuthGuard, StaffRequest } from './staff-auth.guard';

/** A route (or controller) for signed-in staff holding one of these roles. */
export const StaffOnly = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(StaffAuthGuard));

/** The signed-in staff member's claims, on a @StaffOnly route. */
export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentStaff used on a route without @StaffOnly');
  return staff;
});
