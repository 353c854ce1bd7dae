import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCategoriesAndDepartmentTree1764230000001 implements MigrationInterface {
  name = 'CreateCategoriesAndDepartmentTree1764230000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The category tree: the top level is fixed (the labels dialogue classifies into), the rest is data. A time
    // limit left empty is the parent's, and at the top CONCLUDE_WITHIN_WORKING_DAYS.
    await queryRunner.query(`
      CREATE TABLE "ticketing"."categories" (
        "name" text PRIMARY KEY CHECK (length("name") BETWEEN 1 AND 40),
        "parent_name" text REFERENCES "ticketing"."categories" ("name"),
        "conclude_within_working_days" integer CHECK ("conclude_within_working_days" BETWEEN 1 AND 60),
        "position" integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      `CREATE INDEX "categories_by_parent" ON "ticketing"."categories" ("parent_name", "position")`,
    );
    // Written out rather than imported: a migration must keep meaning what it meant when it ran.
    await queryRunner.query(`
      INSERT INTO "ticketing"."categories" ("name", "position") VALUES
        ('交通运输', 1), ('劳动和社会保障', 2), ('卫生计生', 3), ('商贸旅游', 4), ('城乡建设', 5), ('教育文体', 6),
        ('环境保护', 7)`);
    await queryRunner.query(`
      ALTER TABLE "ticketing"."departments"
        ADD COLUMN "parent_code" text REFERENCES "ticketing"."departments" ("code"),
        ADD COLUMN "head_username" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ticketing"."departments" DROP COLUMN "parent_code", DROP COLUMN "head_username"`,
    );
    await queryRunner.query(`DROP TABLE "ticketing"."categories"`);
  }
}
