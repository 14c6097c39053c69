-- CreateIndex
CREATE INDEX "Assessment_organizationId_status_pilotId_completedAt_readin_idx" ON "Assessment"("organizationId", "status", "pilotId", "completedAt", "readinessScore", "verdict");
