-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "erasedAt" TIMESTAMP(3);
