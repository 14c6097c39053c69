-- DropIndex
DROP INDEX "AssessmentGap_assessmentId_idx";

-- CreateIndex
CREATE INDEX "Assessment_id_organizationId_status_verdict_readinessScore__idx" ON "Assessment"("id", "organizationId", "status", "verdict", "readinessScore", "completedAt", "frameworkVersionId");

-- CreateIndex
CREATE INDEX "AssessmentGap_assessmentId_criterionKey_pillarKey_isGate_idx" ON "AssessmentGap"("assessmentId", "criterionKey", "pillarKey", "isGate");

-- CreateIndex
CREATE INDEX "Pilot_organizationId_owningTeam_idx" ON "Pilot"("organizationId", "owningTeam");

-- CreateIndex
CREATE INDEX "Pilot_tags_idx" ON "Pilot" USING GIN ("tags");
