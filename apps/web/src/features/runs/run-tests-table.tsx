import { Badge, Code, ScrollArea, Table, Text } from '@mantine/core';
import type { RunTest } from '@takehome/contracts';
import { Fragment } from 'react';
import { testStatusColor } from './test-status';

/** Who sees a test, in words: the stored values (AFTER_PUBLISHED and the like) mean nothing to a reviewer. */
const visibilityWords: Record<RunTest['visibility'], string> = {
  visible: 'Visible',
  hidden: 'Never shown',
  after_published: 'Hidden until feedback',
};

/**
 * A run's tests, the same table on every page that shows results (practice, review, verification). The server
 * already cut the list to what the viewer may see; `suite` adds the column telling the team which tests the
 * candidate saw while working, `score` each test's points. Output shows for failed tests (or all, for the team).
 */
export function RunTestsTable({
  tests,
  label,
  suite = false,
  score = false,
  output = 'failed',
  maxHeight,
}: {
  tests: RunTest[];
  label: string;
  suite?: boolean;
  score?: boolean;
  output?: 'failed' | 'all';
  maxHeight?: number;
}) {
  const columns = 2 + (suite ? 1 : 0) + (score ? 1 : 0);
  const table = (
    <Table aria-label={label} layout="fixed" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={96}>Result</Table.Th>
          <Table.Th>Test</Table.Th>
          {suite && <Table.Th w={170}>Visibility</Table.Th>}
          {score && <Table.Th w={96}>Score</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tests.map((test, i) => {
          const showOutput = !!test.output && (output === 'all' || test.status === 'failed');
          return (
            <Fragment key={`${test.name}-${i}`}>
              <Table.Tr>
                <Table.Td>
                  <Badge size="sm" color={testStatusColor(test.status)} variant="light">
                    {test.status}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm">{test.name}</Text>
                </Table.Td>
                {suite && (
                  <Table.Td>
                    <Badge variant="outline" size="sm" tt="none" color={test.visibility === 'visible' ? 'gray' : 'grape'} style={{ overflow: 'visible' }}>
                      {visibilityWords[test.visibility]}
                    </Badge>
                  </Table.Td>
                )}
                {/* Text, not Group: Group drops falsy children, and a score of 0 must show. */}
                {score && (
                  <Table.Td>
                    <Text size="sm">{`${test.score} / ${test.maxScore}`}</Text>
                  </Table.Td>
                )}
              </Table.Tr>
              {showOutput && (
                <Table.Tr>
                  {/* The output spans the whole table under its test, so a narrow pane still gives it room and the
                      result badge above stays in view. Plain text (React escapes it), wrapped, scrollable when long,
                      and focusable so the keyboard can scroll it too. */}
                  <Table.Td colSpan={columns} pt={0}>
                    <Code
                      block
                      fz="xs"
                      tabIndex={0}
                      aria-label={`Output of ${test.name}`}
                      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 240, overflow: 'auto' }}
                    >
                      {test.output.slice(0, 2000)}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  return maxHeight ? <ScrollArea.Autosize mah={maxHeight}>{table}</ScrollArea.Autosize> : table;
}
