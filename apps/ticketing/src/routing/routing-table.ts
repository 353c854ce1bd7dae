import { Category } from './categories-tree';
import { DepartmentEntity } from './department.entity';
import { routeTicket, RoutingRule } from './route-ticket';

/**
 * Routing as it stands at one moment: the category tree, the departments and the rules, for deciding where a ticket
 * goes and how long it may take without asking the database.
 */
export class RoutingTable {
  private readonly categories: Map<string, Category>;
  private readonly departments: Map<string, DepartmentEntity>;
  readonly desk: DepartmentEntity;

  constructor(
    categories: Category[],
    departments: DepartmentEntity[],
    private readonly rules: RoutingRule[],
  ) {
    this.categories = new Map(categories.map((category) => [category.name, category]));
    this.departments = new Map(departments.map((department) => [department.code, department]));
    const desk = departments.find((department) => department.isDefaultDesk);
    if (!desk) throw new Error('no default desk configured: load the departments first');
    this.desk = desk;
  }

  /**
   * The department for a ticket: the most specific rule for its category; for a sub-category without a rule that
   * covers the region, its parent's, and so on up; else the 12345 desk.
   */
  departmentFor(category: string, regionCode: string): DepartmentEntity {
    for (const name of this.lineage(category)) {
      const code = routeTicket({ category: name, regionCode }, this.rules, this.desk.code);
      if (code !== this.desk.code) return this.departments.get(code) ?? this.desk;
    }
    return this.desk;
  }

  department(code: string): DepartmentEntity | undefined {
    return this.departments.get(code);
  }

  /** 办结时限 of a category: its own, else the nearest parent's; null when none is set or the category is unknown. */
  concludeWithinWorkingDays(category: string): number | null {
    for (const name of this.lineage(category)) {
      const days = this.categories.get(name)?.concludeWithinWorkingDays;
      if (days !== null && days !== undefined) return days;
    }
    return null;
  }

  /** The category and its parents, nearest first (a loop, which the editor refuses, is cut). */
  private lineage(category: string): string[] {
    const names = [category];
    for (let parent = this.categories.get(category)?.parentName; parent && !names.includes(parent);) {
      names.push(parent);
      parent = this.categories.get(parent)?.parentName;
    }
    return names;
  }
}
