-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "pilotBaseline" JSONB;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "sendCount" INTEGER NOT NULL DEFAULT 0;
