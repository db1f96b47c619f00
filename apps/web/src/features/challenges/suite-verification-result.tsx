import { Badge, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { MutantVerdict, RuntimeSuiteOutcome, SuiteVerificationResult } from '@takehome/contracts';

const VERDICT_COLOR: Record<MutantVerdict, string> = { killed: 'green', flaky: 'orange', survived: 'red', broken: 'gray' };

const percent = (killed: number, total: number) => (total === 0 ? '—' : `${Math.round((100 * killed) / total)}%`);

/** Per runtime: the hidden suite's kill rate, the reference's flaky tests, and what caught each mutant. */
export function SuiteVerificationResultView({ result }: { result: SuiteVerificationResult }) {
  return (
    <Stack gap="lg">
      {result.runtimes.map((r) => (
        <RuntimeOutcome key={r.runtime} outcome={r} />
      ))}
    </Stack>
  );
}

function RuntimeOutcome({ outcome }: { outcome: RuntimeSuiteOutcome }) {
  const { killed, total } = outcome.killRate;
  return (
    <Stack gap="xs" aria-label={`Suite verification for ${outcome.runtime}`}>
      <Group gap="xs">
        <Title order={5}>{outcome.runtime}</Title>
        <Badge color={total > 0 && killed === total ? 'green' : 'red'} variant="light" aria-label={`Kill rate ${outcome.runtime}`}>
          Hidden suite kill rate {percent(killed, total)} ({killed}/{total})
        </Badge>
      </Group>
      {total === 0 && <Text size="sm" c="orange">No mutants for this runtime: the hidden suite is unproven here.</Text>}
      <Table withTableBorder striped aria-label={`Reference solution, ${outcome.runtime}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reference solution</Table.Th>
            <Table.Th>Passed every test</Table.Th>
            <Table.Th>Flaky tests</Table.Th>
            <Table.Th>Failing tests</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcome.reference.map((s) => (
            <Table.Tr key={s.suite}>
              <Table.Td>{s.suite} suite</Table.Td>
              <Table.Td>
                <Badge color={s.passedRuns === s.runs ? 'green' : 'red'} variant="light">
                  {s.passedRuns}/{s.runs} runs
                </Badge>
              </Table.Td>
              <Table.Td>{s.flakyTests.length ? <Names names={s.flakyTests} /> : 'none'}</Table.Td>
              <Table.Td>{s.failingTests.length ? <Names names={s.failingTests} /> : 'none'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > 0 && (
        <Table withTableBorder striped aria-label={`Mutants, ${outcome.runtime}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mutant</Table.Th>
              <Table.Th w={120}>Result</Table.Th>
              <Table.Th w={100}>Caught</Table.Th>
              <Table.Th>Caught by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcome.mutants.map((m) => (
              <Table.Tr key={m.name}>
                <Table.Td>
                  <Text size="sm" fw={500}>{m.name}</Text>
                  <Text size="xs" c="dimmed">{m.models}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={VERDICT_COLOR[m.verdict]} miw={90}>
                    {m.verdict}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {m.caught}/{m.runs} runs
                </Table.Td>
                <Table.Td>{m.error ? <Text size="xs" c="red">{m.error}</Text> : m.caughtBy.length ? <Names names={m.caughtBy} /> : <Text size="sm" c="red">no test</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Names({ names }: { names: string[] }) {
  return (
    <List size="xs" spacing={2}>
      {names.map((n) => (
        <List.Item key={n}>
          <Code>{n}</Code>
        </List.Item>
      ))}
    </List>
  );
}
