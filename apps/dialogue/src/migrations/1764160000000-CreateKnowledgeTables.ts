import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKnowledgeTables1764160000000 implements MigrationInterface {
  name = 'CreateKnowledgeTables1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per policy or guide: the whole document (all its dated versions) as the admin API and YAML give it.
    await queryRunner.query(`
      CREATE TABLE "dialogue"."knowledge_items" (
        "id" text PRIMARY KEY,
        "kind" text NOT NULL CHECK ("kind" IN ('policy', 'guide')),
        "document" jsonb NOT NULL,
        "revision" integer NOT NULL,
        "is_withdrawn" boolean NOT NULL DEFAULT false,
        "updated_at" timestamptz NOT NULL,
        "updated_by" text NOT NULL
      )`);
    // Every change, with the document as it became: who changed what and when, and what to go back to.
    await queryRunner.query(`
      CREATE TABLE "dialogue"."knowledge_changes" (
        "id" bigserial PRIMARY KEY,
        "item_id" text NOT NULL REFERENCES "dialogue"."knowledge_items" ("id"),
        "revision" integer NOT NULL,
        "action" text NOT NULL CHECK ("action" IN ('publish', 'withdraw')),
        "document" jsonb NOT NULL,
        "changed_at" timestamptz NOT NULL,
        "changed_by" text NOT NULL,
        CONSTRAINT "knowledge_changes_one_per_revision" UNIQUE ("item_id", "revision")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dialogue"."knowledge_changes"`);
    await queryRunner.query(`DROP TABLE "dialogue"."knowledge_items"`);
  }
}
