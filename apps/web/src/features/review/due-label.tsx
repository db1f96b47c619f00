import { Badge, Tooltip } from '@mantine/core';
import { formatDue } from './format';

/** A review's due date in words; overdue in red so it stands out in a long queue. */
export function DueLabel({ dueAt }: { dueAt: string }) {
  const due = formatDue(new Date(dueAt));
  return (
    <Tooltip label={new Date(dueAt).toLocaleString()}>
      <Badge color={due.overdue ? 'red' : 'gray'} variant="light" tt="none">
        {due.text}
      </Badge>
    </Tooltip>
  );
}
