/**
 * The audit table of one app's schema: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained
 * (each row's hash covers the previous row's hash), so a changed or deleted row shows up in verifyAuditLog.
 * Used from each app's own migration.
 */
export function createAuditLogSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."audit_log" (
      "seq" bigint PRIMARY KEY,
      "occurred_at" timestamptz NOT NULL,
      "actor" text NOT NULL,
      "action" text NOT NULL,
      "subject" text NOT NULL,
      "reason" text NOT NULL,
      "trace_id" text NOT NULL,
      "prev_hash" char(64) NOT NULL,
      "hash" char(64) NOT NULL UNIQUE
    )`,
    `CREATE FUNCTION "${schema}"."audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
    `CREATE TRIGGER "audit_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "${schema}"."audit_log"
      FOR EACH ROW EXECUTE FUNCTION "${schema}"."audit_log_refuse_change"()`,
    `CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "${schema}"."audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."audit_log_refuse_change"()`,
  ];
}

export function dropAuditLogSql(schema: string): string[] {
  return [`DROP TABLE "${schema}"."audit_log"`, `DROP FUNCTION "${schema}"."audit_log_refuse_change"()`];
}
