import { Alert, Anchor, Button, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import type { DeactivationResult, MemberView } from '@takehome/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDeactivateMember, useMembers } from '../../../hooks/use-accounts';
import { useSession } from '../../../hooks/use-session';
import { ConfirmModal } from '../../hiring/confirm-modal';
import { InviteModal } from './invite-modal';
import { InvitationRow, MemberRow } from './member-rows';
import { formatWhen } from './roles';

/** Admins: who is in the organization, with what role, and the invitations still open. */
export function MembersPage() {
  useDocumentTitle('Members · Takehome');
  const me = useSession().data;
  const members = useMembers();
  const deactivate = useDeactivateMember();
  const [inviting, invite] = useDisclosure(false);
  // The member stays named while the confirmation fades out, so the title never reads "Deactivate ?".
  const [target, setTarget] = useState<MemberView | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  const [result, setResult] = useState<DeactivationResult | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const confirmDeactivate = () =>
    target &&
    deactivate.mutate(target.id, {
      onSuccess: (r) => {
        setResult(r);
        confirm.close();
      },
    });

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>Members</Title>
          <Text c="dimmed" size="sm">
            Everyone who works in {me?.organization.name ?? 'your organization'}. Admins manage members; hiring leads run assessments; reviewers grade.
          </Text>
        </div>
        <Button onClick={invite.open}>Invite member</Button>
      </Group>

      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} title="Not changed">
          {error.message}
        </Alert>
      )}
      {result && (
        <Alert color="orange" role="status" withCloseButton onClose={() => setResult(null)} title={`${result.member.name} was deactivated and signed out everywhere`}>
          {result.openAssignments.length === 0 ? (
            <Text size="sm">They had no open review assignments. Their past reviews stay in the record.</Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm">
                They still had {result.openAssignments.length} review{result.openAssignments.length === 1 ? '' : 's'} to do. Reassign{' '}
                {result.openAssignments.length === 1 ? 'it' : 'them'} on <Anchor component={Link} to="/review/assign">Review assignments</Anchor>:
              </Text>
              <List size="sm" aria-label="Open review assignments">
                {result.openAssignments.map((a) => (
                  <List.Item key={a.submissionId}>
                    {a.pseudonym} · {a.assessmentName} · assigned {formatWhen(a.assignedAt)}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Alert>
      )}

      {members.isPending && <Loader aria-label="Loading members" />}
      {members.error && <Alert color="red">{members.error.message}</Alert>}
      {members.data && (
        <Table aria-label="Members" verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Th>Open reviews</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.members.map((m) => (
              <MemberRow key={m.id} member={m} isYou={m.id === me?.id} onDeactivate={() => {
                  setTarget(m);
                  deactivate.reset();
                  confirm.open();
                }} onError={setError} />
            ))}
            {members.data.invitations.map((i) => (
              <InvitationRow key={i.id} invitation={i} onError={setError} />
            ))}
          </Table.Tbody>
        </Table>
      )}

      <InviteModal opened={inviting} onClose={invite.close} />
      <ConfirmModal
        opened={confirming}
        title={`Deactivate ${target?.name ?? ''}?`}
        confirmLabel="Deactivate"
        color="red"
        loading={deactivate.isPending}
        error={deactivate.error}
        onConfirm={confirmDeactivate}
        onClose={confirm.close}
      >
        <Text size="sm">
          {target?.name} is signed out of every browser at once and can no longer sign in. Their past reviews and history are kept, and you can reactivate
          them later. Reviews they still owe are listed next, so you can reassign them.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
