import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAlerts1764300000000 implements MigrationInterface {
  name = 'CreateAlerts1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per CAP message received (Alert, Update, Cancel, Ack, Error), unique per sender and identifier as CAP
    // wants, so a document posted twice is found, not stored twice. The document is kept as it came: the XML, or
    // the JSON form. content_hash tells a true repeat from a different document reusing an identifier.
    await queryRunner.query(`
      CREATE TABLE "notifier"."alerts" (
        "id" uuid PRIMARY KEY,
        "identifier" text NOT NULL,
        "sender" text NOT NULL,
        "sent" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('Actual', 'Exercise', 'System', 'Test', 'Draft')),
        "msg_type" text NOT NULL CHECK ("msg_type" IN ('Alert', 'Update', 'Cancel', 'Ack', 'Error')),
        "scope" text NOT NULL CHECK ("scope" IN ('Public', 'Restricted', 'Private')),
        "cap_references" jsonb NOT NULL DEFAULT '[]',
        "original_xml" text,
        "original_json" jsonb,
        "content_hash" text NOT NULL,
        "warning_colour" text CHECK ("warning_colour" IN ('blue', 'yellow', 'orange', 'red')),
        "priority" smallint NOT NULL,
        "state" text NOT NULL DEFAULT 'active' CHECK ("state" IN ('active', 'updated', 'cancelled')),
        "replaced_by" uuid REFERENCES "notifier"."alerts" ("id"),
        "cancelled_by" uuid REFERENCES "notifier"."alerts" ("id"),
        "submitted_by" text NOT NULL,
        "received_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "alerts_sender_identifier" UNIQUE ("sender", "identifier"),
        CONSTRAINT "alerts_one_original" CHECK (("original_xml" IS NULL) <> ("original_json" IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "alerts_by_received_at" ON "notifier"."alerts" ("received_at" DESC)`);
    // The <info> blocks, one per language (or per event), in document order; areas as read (cap-alert.ts): polygons
    // as point lists, circles as centre and radius, geocodes, and the 6-digit region codes among them.
    await queryRunner.query(`
      CREATE TABLE "notifier"."alert_infos" (
        "alert_id" uuid NOT NULL REFERENCES "notifier"."alerts" ("id") ON DELETE CASCADE,
        "position" smallint NOT NULL,
        "language" text NOT NULL,
        "lang" text CHECK ("lang" IN ('zh', 'en', 'ug')),
        "category" text[] NOT NULL,
        "event" text NOT NULL,
        "response_type" text[] NOT NULL DEFAULT '{}',
        "urgency" text NOT NULL CHECK ("urgency" IN ('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
        "severity" text NOT NULL CHECK ("severity" IN ('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
        "certainty" text NOT NULL CHECK ("certainty" IN ('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
        "sender_name" text,
        "headline" text,
        "description" text,
        "instruction" text,
        "web" text,
        "contact" text,
        "effective" timestamptz,
        "onset" timestamptz,
        "expires" timestamptz,
        "warning_colour" text CHECK ("warning_colour" IN ('blue', 'yellow', 'orange', 'red')),
        "event_codes" jsonb NOT NULL DEFAULT '[]',
        "parameters" jsonb NOT NULL DEFAULT '[]',
        "areas" jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY ("alert_id", "position")
      )`);
    // One row per alert and recipient: what makes "no one gets the same alert twice" hold across restarts. Filled by
    // the fan-out; subscriber_id names notifier.subscribers, which has its own migration (no foreign key across them).
    await queryRunner.query(`
      CREATE TABLE "notifier"."deliveries" (
        "alert_id" uuid NOT NULL REFERENCES "notifier"."alerts" ("id"),
        "subscriber_id" uuid NOT NULL,
        "channel" text NOT NULL,
        "state" text NOT NULL DEFAULT 'queued'
          CHECK ("state" IN ('queued', 'sent', 'delivered', 'failed', 'cancelled')),
        "vendor_message_id" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "queued_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "delivered_at" timestamptz,
        "failed_at" timestamptz,
        "cancelled_at" timestamptz,
        PRIMARY KEY ("alert_id", "subscriber_id")
      )`);
    // Time to 50/90/100 % sent reads an alert's send times in order.
    await queryRunner.query(
      `CREATE INDEX "deliveries_sent_by_alert" ON "notifier"."deliveries" ("alert_id", "sent_at") WHERE "sent_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifier"."deliveries"`);
    await queryRunner.query(`DROP TABLE "notifier"."alert_infos"`);
    await queryRunner.query(`DROP TABLE "notifier"."alerts"`);
  }
}
