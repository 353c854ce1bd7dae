import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StaffRole } from '@libs/common/auth/staff';
import { DemoDepartments } from '@libs/common/demo/demo-departments';
import { DemoGridWorkers } from '@libs/common/demo/demo-grid-workers';
import { hashPassword } from './password-hash';

interface DemoAccount {
  username: string;
  displayName: string;
  roles: StaffRole[];
  departmentCode?: string;
}

/**
 * The demo accounts: admin, agent, emergency, auditor, a staff and a head account for each demo department, and the
 * demo grid workers.
 */
export function demoAccounts(demo: DemoDepartments, grid: DemoGridWorkers): DemoAccount[] {
  return [
    { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
    { username: 'agent', displayName: '人工坐席', roles: ['agent'] },
    { username: 'emergency', displayName: '应急管理值班员', roles: ['emergency_officer'] },
    { username: 'auditor', displayName: '个人信息审计员', roles: ['auditor'] },
    ...demo.departments.flatMap((department): DemoAccount[] => [
      {
        username: `${department.login}-staff`,
        displayName: `${department.name}承办人`,
        roles: ['dept_staff'],
        departmentCode: department.code,
      },
      {
        username: `${department.login}-head`,
        displayName: `${department.name}负责人`,
        roles: ['dept_head'],
        departmentCode: department.code,
      },
    ]),
    ...grid.gridWorkers.map((worker): DemoAccount => ({
      username: worker.login,
      displayName: worker.name,
      roles: ['grid_worker'],
    })),
  ];
}

/** Creates the demo accounts, or resets their roles and password when they exist. */
export async function loadDemoStaffAccounts(
  dataSource: DataSource,
  demo: DemoDepartments,
  grid: DemoGridWorkers,
  password: string,
) {
  const accounts = demoAccounts(demo, grid);
  for (const account of accounts) {
    await dataSource.query(
      `INSERT INTO gateway.staff_accounts (id, username, display_name, password_hash, roles, department_code)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
         roles = EXCLUDED.roles, department_code = EXCLUDED.department_code, is_disabled = false`,
      [
        randomUUID(),
        account.username,
        account.displayName,
        await hashPassword(password),
        account.roles,
        account.departmentCode ?? null,
      ],
    );
  }
  return accounts.length;
}
