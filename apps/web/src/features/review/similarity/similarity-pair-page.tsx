import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { SimilarityPanel, useSimilarity } from './similarity-panel';

/**
 * The side-by-side view of one submission's similarity flags, for a lead who is not assigned to review it (the
 * review page is for assigned reviewers). Pseudonyms only, as on the review page: the code is what is compared.
 */
export function SimilarityPairPage() {
  const { submissionId = '' } = useParams();
  const similarity = useSimilarity(submissionId);
  const pseudonym = similarity.data?.pairs[0]?.pseudonym ?? 'This submission';
  useDocumentTitle(`Similarity · ${pseudonym} · Takehome`);
  return (
    <Stack>
      <Anchor component={Link} to="/review/similarity" size="sm">
        ← All similarity flags
      </Anchor>
      <div>
        <Title order={2}>{pseudonym}</Title>
        <Text c="dimmed" size="sm">Matching fragments, side by side</Text>
      </div>
      {similarity.error ? <Alert color="red">{similarity.error.message}</Alert> : <SimilarityPanel submissionId={submissionId} pseudonym={pseudonym} />}
    </Stack>
  );
}
