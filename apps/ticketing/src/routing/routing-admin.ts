import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '@libs/common/errors/domain-error';
import { Categories } from './categories';
import { isSelfOrBelow } from './categories-tree';

/** A department (承办单位) as administrators see and edit it. */
export interface Department {
  code: string;
  name: string;
  regionCode: string;
  /** The department above it (a district bureau's city bureau), if any. */
  parentCode: string | null;
  /** The staff username of its head, who gets its deadline alerts with its handlers. */
  headUsername: string | null;
  /** The 12345 desk: takes what no rule routes. Set by the department loader, not here. */
  isDefaultDesk: boolean;
}
export type DepartmentFields = Omit<Department, 'code' | 'isDefaultDesk'>;

/** Tickets of this category from within this region go to this department; the most specific region wins. */
export interface RoutingRule {
  id: number;
  category: string;
  regionCode: string;
  departmentCode: string;
}
export type RoutingRuleFields = Omit<RoutingRule, 'id'>;

interface DepartmentRow {
  code: string;
  name: string;
  region_code: string;
  parent_code: string | null;
  head_username: string | null;
  is_default_desk: boolean;
}

interface RuleRow {
  id: number;
  category: string;
  region_code: string;
  department_code: string;
}

const DEPARTMENT_COLUMNS = 'code, name, region_code, parent_code, head_username, is_default_desk';
const RULE_COLUMNS = 'id, category, region_code, department_code';

/**
 * Departments and routing rules, edited by administrators. The controller announces each edit, and every replica's
 * Routing reloads, so it applies to the next ticket without a restart.
 */
@Injectable()
export class RoutingAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: Categories,
  ) {}

  async departments(): Promise<Department[]> {
    const rows: DepartmentRow[] = await this.dataSource.query(
      `SELECT ${DEPARTMENT_COLUMNS} FROM ticketing.departments ORDER BY region_code, code`,
    );
    return rows.map(toDepartment);
  }

  async createDepartment(code: string, fields: DepartmentFields): Promise<Department> {
    return this.dataSource.transaction(async (tx) => {
      await this.checkParent(tx, code, fields.parentCode);
      const rows: DepartmentRow[] = await tx.query(
        `INSERT INTO ticketing.departments (code, name, region_code, parent_code, head_username, is_default_desk)
         VALUES ($1, $2, $3, $4, $5, false) ON CONFLICT (code) DO NOTHING RETURNING ${DEPARTMENT_COLUMNS}`,
        [code, fields.name, fields.regionCode, fields.parentCode, fields.headUsername],
      );
      if (rows.length === 0) throw new DomainError('conflict', `承办单位代码「${code}」已存在`);
      return toDepartment(rows[0]);
    });
  }

  async updateDepartment(code: string, fields: DepartmentFields): Promise<Department> {
    return this.dataSource.transaction(async (tx) => {
      await this.checkParent(tx, code, fields.parentCode);
      const [rows]: [DepartmentRow[], number] = await tx.query(
        `UPDATE ticketing.departments SET name = $2, region_code = $3, parent_code = $4, head_username = $5
          WHERE code = $1 RETURNING ${DEPARTMENT_COLUMNS}`,
        [code, fields.name, fields.regionCode, fields.parentCode, fields.headUsername],
      );
      if (rows.length === 0) throw departmentNotFound(code);
      return toDepartment(rows[0]);
    });
  }

  /** Only a department nothing points at: no ticket (filed ones included: they keep their history), rule or unit. */
  async removeDepartment(code: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [department]: DepartmentRow[] = await tx.query(
        `SELECT ${DEPARTMENT_COLUMNS} FROM ticketing.departments WHERE code = $1 FOR UPDATE`,
        [code],
      );
      if (!department) throw departmentNotFound(code);
      if (department.is_default_desk) {
        throw new DomainError('conflict', `「${department.name}」是兜底受理的 12345 热线，不能删除`);
      }
      const [uses]: Array<{ tickets: number; rules: number; units: number }> = await tx.query(
        `SELECT (SELECT count(*)::int FROM ticketing.tickets WHERE department_code = $1) AS tickets,
                (SELECT count(*)::int FROM ticketing.routing_rules WHERE department_code = $1) AS rules,
                (SELECT count(*)::int FROM ticketing.departments WHERE parent_code = $1) AS units`,
        [code],
      );
      if (uses.tickets > 0) {
        throw new DomainError(
          'conflict',
          `「${department.name}」仍有 ${uses.tickets} 张工单（含已办结、已归档的），为保留办理记录，不能删除`,
          { tickets: uses.tickets },
        );
      }
      if (uses.rules > 0) {
        throw new DomainError(
          'conflict',
          `仍有 ${uses.rules} 条派单规则指向「${department.name}」，请先修改或删除这些规则`,
          { rules: uses.rules },
        );
      }
      if (uses.units > 0) {
        throw new DomainError('conflict', `「${department.name}」下还有 ${uses.units} 个下级单位，请先调整`);
      }
      // A ticket routed here since the count above is caught by its foreign key.
      await tx.query(`DELETE FROM ticketing.departments WHERE code = $1`, [code]).catch((error: unknown) => {
        throw isViolation(error, '23503')
          ? new DomainError('conflict', `「${department.name}」刚刚收到了新工单，不能删除`)
          : error;
      });
    });
  }

  async rules(filter: { category?: string; regionCode?: string; departmentCode?: string }): Promise<RoutingRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT ${RULE_COLUMNS} FROM ticketing.routing_rules
        WHERE ($1::text IS NULL OR category = $1) AND ($2::text IS NULL OR region_code = $2)
          AND ($3::text IS NULL OR department_code = $3)
        ORDER BY category, region_code`,
      [filter.category ?? null, filter.regionCode ?? null, filter.departmentCode ?? null],
    );
    return rows.map(toRule);
  }

  async createRule(fields: RoutingRuleFields): Promise<RoutingRule> {
    return this.dataSource.transaction(async (tx) => {
      await this.checkRule(tx, fields);
      const rows: RuleRow[] = await tx.query(
        `INSERT INTO ticketing.routing_rules (category, region_code, department_code) VALUES ($1, $2, $3)
         ON CONFLICT (category, region_code) DO NOTHING RETURNING ${RULE_COLUMNS}`,
        [fields.category, fields.regionCode, fields.departmentCode],
      );
      if (rows.length === 0) throw ruleExists(fields);
      return toRule(rows[0]);
    });
  }

  async updateRule(id: number, fields: RoutingRuleFields): Promise<RoutingRule> {
    return this.dataSource.transaction(async (tx) => {
      await this.checkRule(tx, fields);
      const [rows]: [RuleRow[], number] = await tx
        .query(
          `UPDATE ticketing.routing_rules SET category = $2, region_code = $3, department_code = $4
            WHERE id = $1 RETURNING ${RULE_COLUMNS}`,
          [id, fields.category, fields.regionCode, fields.departmentCode],
        )
        .catch((error: unknown) => {
          throw isViolation(error, '23505') ? ruleExists(fields) : error;
        });
      if (rows.length === 0) throw ruleNotFound(id);
      return toRule(rows[0]);
    });
  }

  async removeRule(id: number): Promise<void> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ticketing.routing_rules WHERE id = $1`,
      [id],
    );
    if (deleted === 0) throw ruleNotFound(id);
  }

  private async checkRule(tx: EntityManager, fields: RoutingRuleFields): Promise<void> {
    if (!(await this.categories.exists(fields.category, tx))) {
      throw new DomainError('invalid', `分类「${fields.category}」不存在，请先在分类中添加`);
    }
    const department: unknown[] = await tx.query(`SELECT 1 FROM ticketing.departments WHERE code = $1 FOR SHARE`, [
      fields.departmentCode,
    ]);
    if (department.length === 0) throw new DomainError('invalid', `承办单位「${fields.departmentCode}」不存在`);
  }

  /** The parent must exist, and must not be the department itself or one of the units below it. */
  private async checkParent(tx: EntityManager, code: string, parentCode: string | null): Promise<void> {
    if (parentCode === null) return;
    const rows: Array<{ code: string; parent_code: string | null }> = await tx.query(
      `SELECT code, parent_code FROM ticketing.departments`,
    );
    const parentOf = new Map(rows.map((row) => [row.code, row.parent_code]));
    if (!parentOf.has(parentCode)) throw new DomainError('invalid', `上级单位「${parentCode}」不存在`);
    parentOf.set(code, parentCode);
    if (isSelfOrBelow(parentCode, code, (name) => parentOf.get(name) ?? null)) {
      throw new DomainError('invalid', `「${parentCode}」是「${code}」本身或其下级单位，不能作为其上级`);
    }
  }
}

function toDepartment(row: DepartmentRow): Department {
  return {
    code: row.code,
    name: row.name,
    regionCode: row.region_code,
    parentCode: row.parent_code,
    headUsername: row.head_username,
    isDefaultDesk: row.is_default_desk,
  };
}

function toRule(row: RuleRow): RoutingRule {
  return { id: row.id, category: row.category, regionCode: row.region_code, departmentCode: row.department_code };
}

const departmentNotFound = (code: string) => new DomainError('not_found', `承办单位「${code}」不存在`);
const ruleNotFound = (id: number) => new DomainError('not_found', `派单规则 ${id} 不存在`);
const ruleExists = (fields: RoutingRuleFields) =>
  new DomainError('conflict', `分类「${fields.category}」在行政区划 ${fields.regionCode} 已有派单规则，请修改那条规则`);

function isViolation(error: unknown, sqlState: string): boolean {
  return error instanceof QueryFailedError && 'code' in error.driverError && error.driverError.code === sqlState;
}
