import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGridTasks1764240000000 implements MigrationInterface {
  name = 'CreateGridTasks1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ticketing"."grid_workers" (
        "username" text PRIMARY KEY,
        "name" text NOT NULL,
        "region_code" char(6) NOT NULL,
        "community" text NOT NULL,
        "areas" jsonb NOT NULL
      )`);
    // A home visit by a community grid worker (网格员) for an elderly or disabled citizen's ticket.
    await queryRunner.query(`
      CREATE TABLE "ticketing"."grid_tasks" (
        "id" uuid PRIMARY KEY,
        "ticket_id" uuid NOT NULL UNIQUE REFERENCES "ticketing"."tickets" ("id"),
        "grid_worker" text NOT NULL REFERENCES "ticketing"."grid_workers" ("username"),
        "community" text NOT NULL,
        "groups" jsonb NOT NULL,
        "visit_date" date NOT NULL,
        "materials" jsonb NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'accepted', 'done', 'declined')),
        "notes" text,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "grid_tasks_by_worker" ON "ticketing"."grid_tasks" ("grid_worker", "status")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ticketing"."grid_tasks"`);
    await queryRunner.query(`DROP TABLE "ticketing"."grid_workers"`);
  }
}
