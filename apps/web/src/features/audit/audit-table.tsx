import { Anchor, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { AuditEventView } from '@takehome/contracts';
import { Link } from 'react-router';
import { formatDate, humanizeSince } from '../hiring/format';
import { actionLabel, actorLabel, detailsOf } from './audit-labels';

/** Who, what, about whom, when and from where; one row per event, newest first. */
export function AuditTable({ events }: { events: AuditEventView[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Audit events" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>About</Table.Th>
            <Table.Th>From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                <Text size="sm">{formatDate(event.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {ago(event.createdAt)} · #{event.sequence}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={event.actorName ? 600 : undefined}>
                  {actorLabel(event)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(event.action)}</Text>
                {detailsOf(event) && (
                  <Text size="xs" c="dimmed">
                    {detailsOf(event)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Subject event={event} />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{event.address ?? '—'}</Text>
                  {event.userAgent && (
                    <Tooltip label={event.userAgent} multiline w={320}>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={220} tabIndex={0} aria-label={`User agent: ${event.userAgent}`}>
                        {event.userAgent}
                      </Text>
                    </Tooltip>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ago(iso: string): string {
  const since = humanizeSince(iso);
  return since === 'just now' ? since : `${since} ago`;
}

/** The subject's name; a candidate links to every event about them. */
function Subject({ event }: { event: AuditEventView }) {
  const label = event.subjectLabel ?? `${event.subjectType} ${event.subjectId.slice(0, 8)}`;
  return (
    <>
      {event.invitationId ? (
        <Anchor component={Link} to={`/settings/audit?invitationId=${event.invitationId}`} size="sm" aria-label={`Every event about ${label}`}>
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      <Text size="xs" c="dimmed">
        {event.assessmentName && event.assessmentName !== label ? event.assessmentName : event.subjectType}
      </Text>
    </>
  );
}
