import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useChallenges } from '../../hooks/use-challenges';
import { ImportZipForm } from './import-zip-form';
import { VerificationBadge } from './verification-badge';

const versionPath = (challengeId: string, versionId: string) => `/challenges/${challengeId}/versions/${versionId}`;

export function ChallengeListPage() {
  const { data, error, isPending } = useChallenges();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Challenges</Title>
        <Text c="dimmed">Your organization’s challenge library. Every change is a new, immutable version.</Text>
      </div>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Import a challenge
        </Title>
        <ImportZipForm onSaved={(saved) => navigate(versionPath(saved.challengeId, saved.versionId))} />
      </Card>
      {isPending && <Loader aria-label="Loading challenges" />}
      {error && <Alert color="red" title="Could not load challenges">{error.message}</Alert>}
      {data && data.length === 0 && <Text c="dimmed">No challenges yet: import one above.</Text>}
      {data && data.length > 0 && (
        <Table striped highlightOnHover aria-label="Challenges">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Challenge</Table.Th>
              <Table.Th>Latest version</Table.Th>
              <Table.Th>Verification</Table.Th>
              <Table.Th>Versions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((challenge) => {
              const latest = challenge.versions[0];
              return (
                <Table.Tr key={challenge.id}>
                  <Table.Td>
                    {latest ? (
                      <Anchor component={Link} to={versionPath(challenge.id, latest.id)} fw={600}>
                        {challenge.title}
                      </Anchor>
                    ) : (
                      <Text fw={600}>{challenge.title}</Text>
                    )}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {challenge.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {latest && (
                      <Group gap="xs">
                        <Badge variant="outline">v{latest.version}</Badge>
                        <Text size="xs" c="dimmed">
                          {new Date(latest.createdAt).toLocaleString()}
                        </Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{latest && <VerificationBadge status={latest.verification} />}</Table.Td>
                  <Table.Td>{challenge.versions.length}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
