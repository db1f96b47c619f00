-- CreateEnum
CREATE TYPE "DraftRevisionKind" AS ENUM ('FULL', 'PATCH', 'DELETE');

-- CreateTable
CREATE TABLE "DraftRevision" (
    "id" UUID NOT NULL,
    "attemptId" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "path" TEXT NOT NULL,
    "kind" "DraftRevisionKind" NOT NULL,
    "content" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DraftRevision_attemptId_seq_idx" ON "DraftRevision"("attemptId", "seq");

-- AddForeignKey
ALTER TABLE "DraftRevision" ADD CONSTRAINT "DraftRevision_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
