import { Progress, Table, Text } from '@mantine/core';

export interface Bar {
  label: string;
  value: number;
  note?: string;
}

/** Horizontal bars as a table: readable by screen readers as numbers, and no chart library to ship. */
export function BarList({ label, heading, valueHeading = 'Count', bars, color = 'indigo' }: { label: string; heading: string; valueHeading?: string; bars: Bar[]; color?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <Table aria-label={label} withRowBorders={false} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>{heading}</Table.Th>
          <Table.Th>{valueHeading}</Table.Th>
          <Table.Th w={60} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bars.map((b) => (
          <Table.Tr key={b.label}>
            <Table.Td>
              <Text size="sm">{b.label}</Text>
            </Table.Td>
            <Table.Td>
              <Progress value={(b.value / max) * 100} color={color} size="lg" aria-label={`${b.label}: ${b.value}`} />
              {b.note && (
                <Text size="xs" c="dimmed">
                  {b.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} ta="right">
                {b.value}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
