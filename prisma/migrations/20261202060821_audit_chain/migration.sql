-- The audit trail becomes a per-organization hash chain, append-only for the application.

-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorId_fkey";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "personal" JSONB,
ADD COLUMN     "personalDigest" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "requestId" TEXT,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- Hex SHA-256 of one field's text, '0' for NULL. Each field is digested on its own and the digests joined, so
-- no field's content can be shifted into its neighbour. packages/db/src/audit-chain.ts computes the same in
-- JavaScript to verify the chain without trusting this function.
CREATE FUNCTION audit_field_digest(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '0' ELSE encode(sha256(convert_to(value, 'UTF8')), 'hex') END
$$;

-- The event's hash: its non-personal fields (data as jsonb's canonical text), the previous event's hash, and
-- the digest of its personal fields (never their content, so they can be erased later).
CREATE FUNCTION audit_event_hash(e "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('.',
    audit_field_digest(e."organizationId"::text),
    audit_field_digest(e."sequence"::text),
    audit_field_digest(e."prevHash"),
    audit_field_digest(e."actorId"::text),
    audit_field_digest(e."action"),
    audit_field_digest(e."subjectType"),
    audit_field_digest(e."subjectId"),
    audit_field_digest(e."data"::text),
    audit_field_digest(e."requestId"),
    audit_field_digest(to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    audit_field_digest(e."personalDigest")
  ), 'UTF8')), 'hex')
$$;

-- Existing events join their organization's chain in the order they happened.
DO $$
DECLARE
  r RECORD;
  prev_org uuid;
  prev_hash text;
  seq integer;
BEGIN
  FOR r IN SELECT "id", "organizationId" FROM "AuditEvent" ORDER BY "organizationId", "createdAt", "id" LOOP
    IF prev_org IS DISTINCT FROM r."organizationId" THEN
      prev_org := r."organizationId";
      prev_hash := NULL;
      seq := 0;
    END IF;
    seq := seq + 1;
    UPDATE "AuditEvent" SET "sequence" = seq, "prevHash" = prev_hash, "createdAt" = date_trunc('milliseconds', "createdAt") WHERE "id" = r."id";
    UPDATE "AuditEvent" e SET "hash" = audit_event_hash(e) WHERE e."id" = r."id" RETURNING e."hash" INTO prev_hash;
  END LOOP;
END $$;

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_subjectId_idx" ON "AuditEvent"("organizationId", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_action_idx" ON "AuditEvent"("organizationId", "action");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_organizationId_sequence_key" ON "AuditEvent"("organizationId", "sequence");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Every insert, whoever makes it, takes the next place in its organization's chain. The advisory lock is held
-- until the inserting transaction ends, so concurrent inserts for one organization queue up and each sees the
-- one before it; organizations do not wait on each other. createdAt is taken under the lock so that time
-- order and sequence order agree.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_sequence integer;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || NEW."organizationId"::text));
  SELECT "sequence", "hash" INTO last_sequence, last_hash FROM "AuditEvent"
    WHERE "organizationId" = NEW."organizationId" ORDER BY "sequence" DESC LIMIT 1;
  NEW."sequence" := COALESCE(last_sequence, 0) + 1;
  NEW."prevHash" := last_hash;
  NEW."createdAt" := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  IF NEW."personal" IS NULL OR NEW."personal" = '{}'::jsonb THEN
    NEW."personal" := NULL;
    NEW."personalDigest" := NULL;
  ELSE
    -- A random salt: once the fields are erased, their digest cannot be confirmed by guessing an email.
    NEW."personal" := NEW."personal" || jsonb_build_object('salt', gen_random_uuid()::text);
    NEW."personalDigest" := audit_field_digest(NEW."personal"::text);
  END IF;
  NEW."hash" := audit_event_hash(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Append-only. Two narrow exceptions: erasing an event's personal fields (every other column unchanged), and
-- the organization's own deletion, which cascades here after the organization's row is gone.
CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM "Organization" WHERE "id" = OLD."organizationId") THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."personal" IS NULL AND (to_jsonb(NEW) - 'personal') = (to_jsonb(OLD) - 'personal') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % refused (only erasing personal fields is allowed)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_event_guard();

CREATE FUNCTION audit_event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();
