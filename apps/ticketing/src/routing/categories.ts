import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@libs/common/errors/domain-error';
import { Category, categoryTree, CategoryTreeNode, checkCategory, checkCategoryRemoval } from './categories-tree';

interface CategoryRow {
  name: string;
  parent_name: string | null;
  conclude_within_working_days: number | null;
  position: number;
}

/** The category tree in the database, as administrators edit it (Routing routes from a copy it reloads on every edit). */
@Injectable()
export class Categories {
  constructor(private readonly dataSource: DataSource) {}

  async exists(name: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ticketing.categories WHERE name = $1`, [name]);
    return rows.length > 0;
  }

  async tree(): Promise<CategoryTreeNode[]> {
    return categoryTree(await this.all(this.dataSource.manager));
  }

  /** Creates or changes a category; the tree is locked meanwhile, so two edits cannot make a loop between them. */
  async save(change: Omit<Category, 'position'> & { position?: number }): Promise<Category> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ticketing.categories IN SHARE ROW EXCLUSIVE MODE`);
      const existing = await this.all(tx);
      checkCategory(existing, change);
      const current = existing.find((category) => category.name === change.name);
      const position = change.position ?? current?.position ?? nextPosition(existing, change.parentName);
      await tx.query(
        `INSERT INTO ticketing.categories (name, parent_name, conclude_within_working_days, position)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET parent_name = EXCLUDED.parent_name,
           conclude_within_working_days = EXCLUDED.conclude_within_working_days, position = EXCLUDED.position`,
        [change.name, change.parentName, change.concludeWithinWorkingDays, position],
      );
      return { ...change, position };
    });
  }

  async remove(name: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ticketing.categories IN SHARE ROW EXCLUSIVE MODE`);
      const existing = await this.all(tx);
      if (!existing.some((category) => category.name === name)) {
        throw new DomainError('not_found', `分类「${name}」不存在`);
      }
      checkCategoryRemoval(existing, name);
      const [{ count }]: Array<{ count: number }> = await tx.query(
        `SELECT count(*)::int AS count FROM ticketing.routing_rules WHERE category = $1`,
        [name],
      );
      if (count > 0) {
        throw new DomainError('conflict', `仍有 ${count} 条派单规则使用分类「${name}」，请先修改或删除这些规则`);
      }
      await tx.query(`DELETE FROM ticketing.categories WHERE name = $1`, [name]);
    });
  }

  private async all(manager: EntityManager): Promise<Category[]> {
    const rows: CategoryRow[] = await manager.query(
      `SELECT name, parent_name, conclude_within_working_days, position FROM ticketing.categories`,
    );
    return rows.map((row) => ({
      name: row.name,
      parentName: row.parent_name,
      concludeWithinWorkingDays: row.conclude_within_working_days,
      position: row.position,
    }));
  }
}

function nextPosition(existing: Category[], parentName: string | null): number {
  const siblings = existing.filter((category) => category.parentName === parentName);
  return Math.max(0, ...siblings.map((category) => category.position)) + 1;
}
