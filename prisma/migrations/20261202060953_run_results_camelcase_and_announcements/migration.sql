-- CreateTable
CREATE TABLE "RunAnnouncement" (
    "runId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "RunAnnouncement_pkey" PRIMARY KEY ("runId")
);

-- CreateIndex
CREATE INDEX "RunAnnouncement_deliveredAt_createdAt_idx" ON "RunAnnouncement"("deliveredAt", "createdAt");

-- AddForeignKey
ALTER TABLE "RunAnnouncement" ADD CONSTRAINT "RunAnnouncement_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Stored test results move to the camelCase shape of @takehome/contracts' runTest: each element's "max_score"
-- becomes "maxScore" (order and every other key kept). Rows already in the new shape, empty arrays and NULLs
-- are left alone, so the statement is safe to run on any mix.
UPDATE "Run" AS r
SET "tests" = (
    SELECT jsonb_agg(
        CASE WHEN jsonb_typeof(e.t) = 'object' AND e.t ? 'max_score'
            THEN (e.t - 'max_score') || jsonb_build_object('maxScore', e.t -> 'max_score')
            ELSE e.t
        END
        ORDER BY e.ord)
    FROM jsonb_array_elements(r."tests") WITH ORDINALITY AS e(t, ord)
)
WHERE jsonb_typeof(r."tests") = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(r."tests") AS x(t) WHERE jsonb_typeof(x.t) = 'object' AND x.t ? 'max_score');
