-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "serviceLogs" JSONB;
