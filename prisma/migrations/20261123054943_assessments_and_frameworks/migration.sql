-- CreateEnum
CREATE TYPE "FrameworkVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('INCOMPLETE', 'BLOCKED', 'READY', 'CONDITIONAL', 'NOT_READY');

-- AlterTable
ALTER TABLE "Pilot" ADD COLUMN     "latestAssessmentId" TEXT;

-- CreateTable
CREATE TABLE "Framework" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkVersion" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "FrameworkVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "readyThreshold" INTEGER NOT NULL DEFAULT 75,
    "conditionalThreshold" INTEGER NOT NULL DEFAULT 50,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameworkVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkPillar" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "FrameworkPillar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkCriterion" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "pillarId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "whyItMatters" TEXT NOT NULL,
    "guidance" TEXT NOT NULL,
    "levels" TEXT[],
    "weight" INTEGER NOT NULL,
    "isGate" BOOLEAN NOT NULL DEFAULT false,
    "targetLevel" INTEGER NOT NULL DEFAULT 2,
    "remediation" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "FrameworkCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "pilotId" TEXT NOT NULL,
    "frameworkVersionId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "openForPilotId" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedById" TEXT,
    "completedAt" TIMESTAMP(3),
    "verdict" "Verdict",
    "readinessScore" DOUBLE PRECISION,
    "meanScore" DOUBLE PRECISION,
    "coverage" DOUBLE PRECISION,
    "gates" JSONB,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentAnswer" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "level" INTEGER,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "naReason" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentPillarScore" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "pillarKey" TEXT NOT NULL,
    "pillarTitle" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "score" DOUBLE PRECISION,
    "coverage" DOUBLE PRECISION,

    CONSTRAINT "AssessmentPillarScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentGap" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "criterionKey" TEXT NOT NULL,
    "criterionTitle" TEXT NOT NULL,
    "pillarKey" TEXT NOT NULL,
    "isGate" BOOLEAN NOT NULL,
    "level" INTEGER NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "priority" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,
    "remediation" TEXT NOT NULL,

    CONSTRAINT "AssessmentGap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Framework_organizationId_slug_key" ON "Framework"("organizationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkVersion_frameworkId_version_key" ON "FrameworkVersion"("frameworkId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkPillar_versionId_key_key" ON "FrameworkPillar"("versionId", "key");

-- CreateIndex
CREATE INDEX "FrameworkCriterion_pillarId_idx" ON "FrameworkCriterion"("pillarId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkCriterion_versionId_key_key" ON "FrameworkCriterion"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_openForPilotId_key" ON "Assessment"("openForPilotId");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_status_completedAt_idx" ON "Assessment"("organizationId", "status", "completedAt");

-- CreateIndex
CREATE INDEX "Assessment_pilotId_status_completedAt_idx" ON "Assessment"("pilotId", "status", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentAnswer_assessmentId_criterionId_key" ON "AssessmentAnswer"("assessmentId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPillarScore_assessmentId_pillarKey_key" ON "AssessmentPillarScore"("assessmentId", "pillarKey");

-- CreateIndex
CREATE INDEX "AssessmentGap_assessmentId_idx" ON "AssessmentGap"("assessmentId");

-- CreateIndex
CREATE INDEX "AssessmentGap_criterionKey_idx" ON "AssessmentGap"("criterionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Pilot_latestAssessmentId_key" ON "Pilot"("latestAssessmentId");

-- AddForeignKey
ALTER TABLE "Pilot" ADD CONSTRAINT "Pilot_latestAssessmentId_fkey" FOREIGN KEY ("latestAssessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Framework" ADD CONSTRAINT "Framework_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkVersion" ADD CONSTRAINT "FrameworkVersion_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkPillar" ADD CONSTRAINT "FrameworkPillar_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "FrameworkVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkCriterion" ADD CONSTRAINT "FrameworkCriterion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "FrameworkVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkCriterion" ADD CONSTRAINT "FrameworkCriterion_pillarId_fkey" FOREIGN KEY ("pillarId") REFERENCES "FrameworkPillar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_frameworkVersionId_fkey" FOREIGN KEY ("frameworkVersionId") REFERENCES "FrameworkVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAnswer" ADD CONSTRAINT "AssessmentAnswer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAnswer" ADD CONSTRAINT "AssessmentAnswer_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "FrameworkCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAnswer" ADD CONSTRAINT "AssessmentAnswer_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPillarScore" ADD CONSTRAINT "AssessmentPillarScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentGap" ADD CONSTRAINT "AssessmentGap_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
