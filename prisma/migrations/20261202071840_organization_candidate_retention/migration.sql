-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "candidateRetentionDays" INTEGER;
