import { Anchor, Badge, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { IssuedInvitationView, PipelineRow } from '@takehome/contracts';
import { Link } from 'react-router';
import { KindBadge, StageBadge } from '../badges';
import { formatDate, formatMinutes, formatNumber, humanizeSince } from '../format';
import { RowActions } from './row-actions';

interface Props {
  assessmentId: string;
  rows: PipelineRow[];
  onIssued: (issued: IssuedInvitationView) => void;
  onError: (error: Error) => void;
}

export function PipelineTable({ assessmentId, rows, onIssued, onError }: Props) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Pipeline" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>In stage</Table.Th>
            <Table.Th>Time taken</Table.Th>
            <Table.Th>Hidden tests</Table.Th>
            <Table.Th>Rubric</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.invitationId}>
              <Table.Td>
                <Anchor component={Link} to={`/assessments/${assessmentId}/invitations/${row.invitationId}`} size="sm" fw={600}>
                  {row.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {row.email ?? 'Identity hidden while you review'}
                  {row.accommodationMinutes > 0 ? ` · +${row.accommodationMinutes} min` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={row.kind} />
              </Table.Td>
              <Table.Td>
                <StageBadge stage={row.stage} />
              </Table.Td>
              <Table.Td>
                <Tooltip label={`Since ${formatDate(row.stageSince)}`}>
                  {/* Focusable, so keyboard users reach the exact time too. */}
                  <Text size="sm" tabIndex={0} aria-label={`${humanizeSince(row.stageSince)}, since ${formatDate(row.stageSince)}`}>
                    {humanizeSince(row.stageSince)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatMinutes(row.minutesTaken)}</Text>
                {row.ranOutOfTime && (
                  <Badge size="xs" color="orange" variant="light">
                    ran out of time
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{row.hiddenTests ? `${row.hiddenTests.score}/${row.hiddenTests.maxScore}` : '—'}</Table.Td>
              <Table.Td>
                {row.rubricScore === null ? '—' : formatNumber(row.rubricScore, 2)}
                {row.reviewsSubmitted > 0 && (
                  <Text size="xs" c="dimmed">
                    {row.reviewsSubmitted} review{row.reviewsSubmitted === 1 ? '' : 's'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <RowActions assessmentId={assessmentId} row={row} onIssued={onIssued} onError={onError} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
