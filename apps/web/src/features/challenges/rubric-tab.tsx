import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { RubricView } from '@takehome/contracts';

/** Each criterion with its four anchored levels, in the order reviewers will score them. */
export function RubricTab({ rubric }: { rubric: RubricView }) {
  const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <Stack>
      {rubric.criteria.map((criterion) => (
        <Card key={criterion.key} withBorder aria-label={`Criterion: ${criterion.title}`}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3} size="h5">
                {criterion.title}
              </Title>
              <Text size="sm" c="dimmed">
                {criterion.description}
              </Text>
            </div>
            <Badge variant="light">
              weight {criterion.weight}
              {total > 0 ? ` (${Math.round((criterion.weight / total) * 100)}%)` : ''}
            </Badge>
          </Group>
          <Table mt="sm" withTableBorder layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Score</Table.Th>
                <Table.Th w={140}>Level</Table.Th>
                <Table.Th>Evidence</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criterion.levels.map((level) => (
                <Table.Tr key={level.score}>
                  <Table.Td>{level.score}</Table.Td>
                  <Table.Td fw={600}>{level.label}</Table.Td>
                  <Table.Td>{level.descriptor}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
