-- AlterTable
ALTER TABLE "Assessment" DROP COLUMN "gates";
