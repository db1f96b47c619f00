import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useChallenges } from '../../hooks/use-challenges';
import { shortHash } from './format';
import { VerificationBadge } from './verification-badge';

/** Every version of the challenge; each stays as it was, so assessments built on an old one keep working. */
export function VersionsTab({ challengeId, currentVersionId }: { challengeId: string; currentVersionId: string }) {
  const { data } = useChallenges();
  const versions = data?.find((c) => c.id === challengeId)?.versions ?? [];
  return (
    <Table aria-label="Versions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Version</Table.Th>
          <Table.Th>Content hash</Table.Th>
          <Table.Th>Created</Table.Th>
          <Table.Th>Verification</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              {v.id === currentVersionId ? (
                <Badge aria-current="page">v{v.version} (this one)</Badge>
              ) : (
                <Anchor component={Link} to={`/challenges/${challengeId}/versions/${v.id}`}>
                  v{v.version}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td>
              <Code>{shortHash(v.contentHash)}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{new Date(v.createdAt).toLocaleString()}</Text>
            </Table.Td>
            <Table.Td>
              <VerificationBadge status={v.verification} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
