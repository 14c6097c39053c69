-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OrganizationChange" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrganizationChange_organizationId_idx" ON "OrganizationChange"("organizationId");

-- AddForeignKey
ALTER TABLE "OrganizationChange" ADD CONSTRAINT "OrganizationChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The data version of an organisation, the key of caches of computed figures
-- (src/modules/portfolio/data-version.ts), is
--   Organization.dataVersion + the number of the organisation's OrganizationChange rows
-- read in one statement, so in one snapshot.
--
-- Every statement that writes an organisation's pilots, stage history, assessments (answers,
-- pillar scores, gaps) or frameworks (versions, pillars, criteria) appends one OrganizationChange
-- row per organisation it touched, in its own transaction: statement-level AFTER triggers with
-- transition tables, so a bulk insert of 600,000 answers appends one row, and seeds, imports and
-- raw SQL append like the services do. A rolled-back write appends nothing.
--
-- Why a log and not a counter on Organization: bumping a counter locks the organisation row from
-- the first write of a transaction until its commit. Every write transaction of the organisation
-- then queues on that one row (autosave from 50 people), and two transactions deadlock when one
-- holds a pilot row and waits for the organisation while the other holds the organisation and
-- waits for the pilot. Inserts into the log wait for nobody, and the foreign key takes only a
-- KEY SHARE lock on the organisation row, which conflicts with no write but deleting the
-- organisation (or changing its id).
--
-- Why a count and not max(id): sequence ids are handed out when a row is inserted, not when its
-- transaction commits. Transaction A takes id 10, B takes id 11 and commits first: a reader then
-- sees max(id) = 11 without A's change, caches figures under 11, and when A commits max(id) is
-- still 11, so those figures would be served stale until the next change. The count grows by one
-- with every committed change whatever order they commit in, and a snapshot that sees the same
-- count as an earlier one sees the same changes (it sees a superset of them, of equal size).
--
-- Compaction keeps the count cheap: when an organisation has many rows, the reader deletes them
-- and adds their number to Organization.dataVersion in one statement (readers see it before or
-- after, the sum is the same), see data-version.ts. Only that statement writes
-- Organization.dataVersion, and user writes never wait on it (its UPDATE changes no key, so its
-- row lock does not conflict with KEY SHARE).
-- Prisma does not model triggers (the schema-vs-migrations test ignores them).
--
-- The function body is an E'' string in which \073 stands for the semicolon: the driver adapter
-- that applies migrations on PostgreSQL splits the script at every semicolon (comments included,
-- so none appear in them), which would cut a dollar-quoted body apart. Quotes inside the body
-- are doubled.
--
-- TG_ARGV[0] is the changed rows' column that leads to the organisation and TG_ARGV[1] the table
-- it points at. Only organisations that still exist get a row: rows whose parent is already gone
-- (a cascade from deleting the parent, or the organisation itself) find no organisation, and the
-- organisation's deletion removes its log with it. OrganizationChange and Organization have no
-- trigger, so the INSERT below cannot recurse. Re-running this script replaces the function and
-- triggers.
CREATE OR REPLACE FUNCTION "record_organization_change"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER AS E'
DECLARE
  keys text[]\073
  org_ids text[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    EXECUTE format(''SELECT array_agg(DISTINCT %I) FROM new_rows'', TG_ARGV[0]) INTO keys\073
  ELSIF TG_OP = ''DELETE'' THEN
    EXECUTE format(''SELECT array_agg(DISTINCT %I) FROM old_rows'', TG_ARGV[0]) INTO keys\073
  ELSE
    EXECUTE format(''SELECT array_agg(DISTINCT k) FROM (SELECT %1$I AS k FROM new_rows UNION SELECT %1$I FROM old_rows) AS changed'', TG_ARGV[0]) INTO keys\073
  END IF\073
  IF keys IS NULL THEN
    RETURN NULL\073 -- no row changed
  END IF\073

  IF TG_ARGV[1] = ''Organization'' THEN
    org_ids := keys\073
  ELSIF TG_ARGV[1] = ''Pilot'' THEN
    org_ids := ARRAY(SELECT "organizationId" FROM "Pilot" WHERE id = ANY (keys))\073
  ELSIF TG_ARGV[1] = ''Assessment'' THEN
    org_ids := ARRAY(SELECT "organizationId" FROM "Assessment" WHERE id = ANY (keys))\073
  ELSIF TG_ARGV[1] = ''Framework'' THEN
    org_ids := ARRAY(SELECT "organizationId" FROM "Framework" WHERE id = ANY (keys))\073
  ELSIF TG_ARGV[1] = ''FrameworkVersion'' THEN
    org_ids := ARRAY(
      SELECT f."organizationId"
      FROM "FrameworkVersion" v JOIN "Framework" f ON f.id = v."frameworkId"
      WHERE v.id = ANY (keys))\073
  ELSE
    RAISE EXCEPTION ''record_organization_change: unknown parent table %'', TG_ARGV[1]\073
  END IF\073

  -- One row per distinct organisation the statement touched (one statement across organisations,
  -- such as deleting a user, which clears updatedById everywhere, appends one row for each).
  INSERT INTO "OrganizationChange" ("organizationId")
    SELECT DISTINCT o.id FROM "Organization" o WHERE o.id = ANY (org_ids)\073
  RETURN NULL\073
END
';

-- Three triggers per table: with transition tables, a trigger may have only one event.
CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "Pilot"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "Pilot"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "Pilot"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "PilotStageChange"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('pilotId', 'Pilot');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "PilotStageChange"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('pilotId', 'Pilot');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "PilotStageChange"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('pilotId', 'Pilot');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "AssessmentAnswer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "AssessmentAnswer"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "AssessmentAnswer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "AssessmentPillarScore"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "AssessmentPillarScore"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "AssessmentPillarScore"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "AssessmentGap"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "AssessmentGap"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "AssessmentGap"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('assessmentId', 'Assessment');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "Framework"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "Framework"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "Framework"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('organizationId', 'Organization');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "FrameworkVersion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('frameworkId', 'Framework');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "FrameworkVersion"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('frameworkId', 'Framework');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "FrameworkVersion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('frameworkId', 'Framework');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "FrameworkPillar"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('versionId', 'FrameworkVersion');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "FrameworkPillar"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('versionId', 'FrameworkVersion');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "FrameworkPillar"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('versionId', 'FrameworkVersion');

CREATE OR REPLACE TRIGGER "data_version_insert" AFTER INSERT ON "FrameworkCriterion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('versionId', 'FrameworkVersion');
CREATE OR REPLACE TRIGGER "data_version_update" AFTER UPDATE ON "FrameworkCriterion"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('versionId', 'FrameworkVersion');
CREATE OR REPLACE TRIGGER "data_version_delete" AFTER DELETE ON "FrameworkCriterion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_organization_change"('versionId', 'FrameworkVersion');
