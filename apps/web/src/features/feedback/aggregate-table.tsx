import { Alert, Table, Text, Tooltip } from '@mantine/core';
import type { ReviewAggregate } from '@takehome/contracts';
import { recommendationLabels } from '../review/format';

/** Submitted scores side by side; rows where reviewers are two or more levels apart are flagged. */
export function AggregateTable({ aggregate }: { aggregate: ReviewAggregate }) {
  if (!aggregate.reviewers.length) return <Alert color="gray">No review has been submitted yet.</Alert>;
  return (
    <>
      {aggregate.needsCalibration && (
        <Alert color="orange" mb="sm" title="Calibration needed">
          Reviewers disagree by two or more levels on at least one criterion. Talk it through before deciding.
        </Alert>
      )}
      <Table withTableBorder withColumnBorders aria-label="Scores side by side">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Criterion</Table.Th>
            {aggregate.reviewers.map((r) => (
              <Table.Th key={r.reviewId}>{r.reviewerName}</Table.Th>
            ))}
            <Table.Th>Spread</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {aggregate.criteria.map((c) => (
            <Table.Tr key={c.criterionId} bg={c.needsCalibration ? 'var(--mantine-color-orange-light)' : undefined}>
              <Table.Td>
                <Text size="sm">{c.title}</Text>
                <Text size="xs" c="dimmed">weight {c.weight}</Text>
              </Table.Td>
              {aggregate.reviewers.map((r) => {
                const score = c.scores.find((s) => s.reviewId === r.reviewId);
                return (
                  <Table.Td key={r.reviewId}>
                    <Tooltip label={score?.comment || 'no comment'} multiline w={280} disabled={!score}>
                      <Text fw={600}>{score?.level ?? '—'}</Text>
                    </Tooltip>
                  </Table.Td>
                );
              })}
              <Table.Td>
                <Text size="sm">{c.spread}</Text>
                {c.needsCalibration && (
                  <Text size="xs" fw={700} c="orange.8">
                    calibrate
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={700}>Weighted total (1-4)</Table.Td>
            {aggregate.reviewers.map((r) => (
              <Table.Td key={r.reviewId} fw={700}>
                {r.weightedTotal.toFixed(2)}
              </Table.Td>
            ))}
            <Table.Td fw={700} aria-label="Weighted spread">
              {aggregate.weightedSpread.toFixed(2)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Recommendation</Table.Td>
            {aggregate.reviewers.map((r) => (
              <Table.Td key={r.reviewId}>{r.recommendation ? recommendationLabels[r.recommendation] : '—'}</Table.Td>
            ))}
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {aggregate.submittedReviews} of {aggregate.assignedReviews} assigned reviews submitted.
      </Text>
    </>
  );
}
