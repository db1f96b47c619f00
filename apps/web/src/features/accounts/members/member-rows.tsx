import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import type { MemberView, PendingInvitationView, UserRole } from '@takehome/contracts';
import { useChangeRole, useReactivateMember, useResendInvitation, useRevokeInvitation } from '../../../hooks/use-accounts';
import { formatWhen, roleLabels } from './roles';

const roleSelectData = (Object.keys(roleLabels) as UserRole[]).map((value) => ({ value, label: roleLabels[value] }));

export function MemberRow({ member, isYou, onDeactivate, onError }: { member: MemberView; isYou: boolean; onDeactivate: () => void; onError: (e: Error) => void }) {
  const changeRole = useChangeRole();
  const reactivate = useReactivateMember();
  const active = member.status === 'active';
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {member.name} {isYou && <Text span c="dimmed" size="sm">(you)</Text>}
        </Text>
        <Text size="xs" c="dimmed">
          {member.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          w={150}
          data={roleSelectData}
          value={member.role}
          allowDeselect={false}
          disabled={changeRole.isPending}
          aria-label={`Role of ${member.name}`}
          onChange={(role) => role && role !== member.role && changeRole.mutate({ id: member.id, role: role as UserRole }, { onError })}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={active ? 'green' : 'gray'} variant="light">
          {active ? 'Active' : 'Deactivated'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatWhen(member.lastSignInAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{member.openAssignments || '—'}</Text>
      </Table.Td>
      <Table.Td>
        {active ? (
          <Button size="xs" variant="light" color="red" onClick={onDeactivate} aria-label={`Deactivate ${member.name}`}>
            Deactivate
          </Button>
        ) : (
          <Button size="xs" variant="light" loading={reactivate.isPending} onClick={() => reactivate.mutate(member.id, { onError })} aria-label={`Reactivate ${member.name}`}>
            Reactivate
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function InvitationRow({ invitation, onError }: { invitation: PendingInvitationView; onError: (e: Error) => void }) {
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const expired = invitation.status === 'expired';
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {invitation.email}
        </Text>
        <Text size="xs" c="dimmed">
          Invited {formatWhen(invitation.invitedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{roleLabels[invitation.role]}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={expired ? 'orange' : 'blue'} variant="light">
          {expired ? 'Invitation expired' : 'Invited'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {expired ? 'Expired' : 'Expires'} {formatWhen(invitation.expiresAt)}
        </Text>
      </Table.Td>
      <Table.Td>—</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="light" loading={resend.isPending} onClick={() => resend.mutate(invitation.id, { onError })} aria-label={`Resend invitation to ${invitation.email}`}>
            Resend
          </Button>
          <Button size="xs" variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate(invitation.id, { onError })} aria-label={`Revoke invitation to ${invitation.email}`}>
            Revoke
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
