import { z } from 'zod';

export const StaffRole = z.enum([
  'admin',
  'agent',
  'dept_staff',
  'dept_head',
  'emergency_officer',
  'grid_worker',
  'auditor',
]);
export type StaffRole = z.infer<typeof StaffRole>;

/** What a staff access token says about its holder. departmentCode scopes dept_staff and dept_head to one department. */
export const StaffClaims = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  roles: z.array(StaffRole).min(1),
  departmentCode: z.string().min(1).optional(),
});
export type StaffClaims = z.infer<typeof StaffClaims>;
