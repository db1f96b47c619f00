import { Badge, Code, Table, Text } from '@mantine/core';
import type { ReviewWorkspace } from '@takehome/contracts';

/** The grading run, hidden tests included: reviewers need the evidence the candidate could not see. */
export function ResultsPanel({ run }: { run: ReviewWorkspace['run'] }) {
  if (!run) return <Text c="dimmed">No finished grading run for this submission.</Text>;
  return (
    <Table aria-label="Grading results" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Test</Table.Th>
          <Table.Th>Suite</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {run.tests.map((test) => (
          <Table.Tr key={test.name}>
            <Table.Td>
              <Text size="sm">{test.name}</Text>
              {test.output && (
                <Code block mt={4} fz="xs">
                  {test.output}
                </Code>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="outline" size="sm" color={test.visibility === 'visible' ? 'gray' : 'grape'}>
                {test.visibility}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Badge color={test.status === 'passed' ? 'green' : 'red'}>{test.status}</Badge>
            </Table.Td>
            <Table.Td>
              {/* Text, not Group: Group drops falsy children, and a score of 0 must show. */}
              <Text size="sm">{`${test.score} / ${test.maxScore}`}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
