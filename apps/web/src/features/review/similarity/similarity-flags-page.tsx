import { Alert, Anchor, Badge, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { MIN_SIMILARITY_THRESHOLD, type SimilarityFlag, similarityFlagList } from '@takehome/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../../api/http';
import { queryKeys } from '../../../hooks/query-keys';

const DEFAULT_PERCENT = 60;

const useSimilarityFlags = (threshold: number) =>
  useQuery({
    queryKey: queryKeys.similarityFlags(threshold),
    queryFn: () => request(similarityFlagList, `/api/similarity/flags?threshold=${threshold}`),
    placeholderData: keepPreviousData,
  });

/**
 * Every pair of submissions to the same challenge, across the organization's assessments, whose code is unusually
 * similar (starter code removed). Evidence for a person to judge, never a verdict; names appear only where the
 * identity rule shows them to this lead (otherwise the pseudonym), and each pair opens the side-by-side view.
 */
export function SimilarityFlagsPage() {
  useDocumentTitle('Similarity flags · Takehome');
  const [percent, setPercent] = useState<number | string>(DEFAULT_PERCENT);
  const valid = typeof percent === 'number' && percent >= MIN_SIMILARITY_THRESHOLD * 100 && percent <= 100;
  const [threshold] = useDebouncedValue(valid ? percent / 100 : DEFAULT_PERCENT / 100, 400);
  const flags = useSimilarityFlags(threshold);

  return (
    <Stack>
      <div>
        <Title order={1}>Similarity flags</Title>
        <Text c="dimmed">
          Submissions to the same challenge, across every assessment, whose code shares more than the threshold of its fingerprints. A flag is
          something to look at, never a verdict.
        </Text>
      </div>
      <NumberInput
        label="Threshold (% of shared fingerprints)"
        w={260}
        min={MIN_SIMILARITY_THRESHOLD * 100}
        max={100}
        value={percent}
        onChange={setPercent}
        error={valid ? undefined : `From ${MIN_SIMILARITY_THRESHOLD * 100} to 100`}
      />
      {flags.isPending && <Loader aria-label="Comparing submissions" />}
      {flags.error && <Alert color="red">{flags.error.message}</Alert>}
      {flags.data && (
        <>
          <Text size="sm" c="dimmed">
            {flags.data.flags.length} pair(s) at or above {Math.round(flags.data.threshold * 100)}% · {flags.data.comparedChallenges} challenge(s) with two or more
            submissions compared
          </Text>
          {flags.data.flags.length === 0 ? (
            <Alert color="gray">No pair of submissions is above the threshold.</Alert>
          ) : (
            <Table withTableBorder striped aria-label="Similarity flags">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Challenge</Table.Th>
                  <Table.Th>Similarity</Table.Th>
                  <Table.Th>Submission</Table.Th>
                  <Table.Th>Other submission</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {flags.data.flags.map((f) => (
                  <Table.Tr key={`${f.left.submissionId}-${f.right.submissionId}`}>
                    <Table.Td>{f.challengeTitle}</Table.Td>
                    <Table.Td>
                      <Badge color="orange" variant="light">{Math.round(f.similarity * 100)}%</Badge>
                      <Text size="xs" c="dimmed">{f.fragments} matching fragment(s), longest {f.longest}</Text>
                    </Table.Td>
                    <Table.Td><Side side={f.left} /></Table.Td>
                    <Table.Td><Side side={f.right} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}

function Side({ side }: { side: SimilarityFlag['left'] }) {
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Anchor component={Link} to={`/review/similarity/${side.submissionId}`} fw={500}>
          {side.candidateName ?? side.pseudonym}
        </Anchor>
        {side.candidateName && <Text size="xs" c="dimmed">({side.pseudonym})</Text>}
      </Group>
      <Text size="xs" c="dimmed">{side.assessmentName}</Text>
    </Stack>
  );
}
