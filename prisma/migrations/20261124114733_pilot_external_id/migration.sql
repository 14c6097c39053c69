-- AlterTable
ALTER TABLE "Pilot" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Pilot_organizationId_externalId_key" ON "Pilot"("organizationId", "externalId");
