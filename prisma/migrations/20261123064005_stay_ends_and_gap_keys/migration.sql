-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "gapKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "PilotStageChange" ADD COLUMN     "leftAt" TIMESTAMP(3);

-- Backfill (hand-written: data, not schema). Each stay ends when the pilot's next stay begins.
UPDATE "PilotStageChange" AS c SET "leftAt" = n.next
FROM (SELECT id, lead("enteredAt") OVER (PARTITION BY "pilotId" ORDER BY "enteredAt", id) AS next FROM "PilotStageChange") AS n
WHERE n.id = c.id AND n.next IS NOT NULL;

-- Backfill: the gap keys of completed assessments, from their stored gap rows.
UPDATE "Assessment" AS a SET "gapKeys" = g.keys
FROM (SELECT "assessmentId", array_agg("criterionKey" ORDER BY rank) AS keys FROM "AssessmentGap" GROUP BY "assessmentId") AS g
WHERE g."assessmentId" = a.id;
