-- CreateEnum
CREATE TYPE "WorkshopStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "Workshop" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "frameworkVersionId" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "code" TEXT NOT NULL,
    "openCode" TEXT,
    "status" "WorkshopStatus" NOT NULL DEFAULT 'DRAFT',
    "currentPosition" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "voteVersion" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "participantCount" INTEGER,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopPilot" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "pilotId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "assessmentId" TEXT,

    CONSTRAINT "WorkshopPilot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopItem" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "pilotId" TEXT NOT NULL,
    "criterionKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "revealedAt" TIMESTAMP(3),
    "visitedAt" TIMESTAMP(3),
    "agreedLevel" INTEGER,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "naReason" TEXT,
    "agreedAt" TIMESTAMP(3),
    "note" TEXT NOT NULL DEFAULT '',
    "verifyWithEvidence" BOOLEAN NOT NULL DEFAULT false,
    "answerId" TEXT,

    CONSTRAINT "WorkshopItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopParticipant" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "userId" TEXT,
    "tokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopVote" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "level" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_openCode_key" ON "Workshop"("openCode");

-- CreateIndex
CREATE INDEX "Workshop_organizationId_date_idx" ON "Workshop"("organizationId", "date");

-- CreateIndex
CREATE INDEX "Workshop_code_idx" ON "Workshop"("code");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopPilot_assessmentId_key" ON "WorkshopPilot"("assessmentId");

-- CreateIndex
CREATE INDEX "WorkshopPilot_pilotId_idx" ON "WorkshopPilot"("pilotId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopPilot_workshopId_pilotId_key" ON "WorkshopPilot"("workshopId", "pilotId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopItem_answerId_key" ON "WorkshopItem"("answerId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopItem_workshopId_position_key" ON "WorkshopItem"("workshopId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopParticipant_tokenHash_key" ON "WorkshopParticipant"("tokenHash");

-- CreateIndex
CREATE INDEX "WorkshopParticipant_workshopId_idx" ON "WorkshopParticipant"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopParticipant_workshopId_userId_key" ON "WorkshopParticipant"("workshopId", "userId");

-- CreateIndex
CREATE INDEX "WorkshopVote_workshopId_idx" ON "WorkshopVote"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopVote_itemId_participantId_key" ON "WorkshopVote"("itemId", "participantId");

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_frameworkVersionId_fkey" FOREIGN KEY ("frameworkVersionId") REFERENCES "FrameworkVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopPilot" ADD CONSTRAINT "WorkshopPilot_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopPilot" ADD CONSTRAINT "WorkshopPilot_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopPilot" ADD CONSTRAINT "WorkshopPilot_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopItem" ADD CONSTRAINT "WorkshopItem_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopItem" ADD CONSTRAINT "WorkshopItem_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "AssessmentAnswer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopParticipant" ADD CONSTRAINT "WorkshopParticipant_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopParticipant" ADD CONSTRAINT "WorkshopParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopVote" ADD CONSTRAINT "WorkshopVote_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopVote" ADD CONSTRAINT "WorkshopVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "WorkshopItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopVote" ADD CONSTRAINT "WorkshopVote_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "WorkshopParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
