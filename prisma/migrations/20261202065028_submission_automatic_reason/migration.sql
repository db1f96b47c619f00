-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "automaticReason" TEXT;
