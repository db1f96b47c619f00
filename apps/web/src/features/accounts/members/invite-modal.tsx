import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { inviteMemberRequest, type UserRole } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useInviteMember } from '../../../hooks/use-accounts';
import { fieldErrors, serverFieldErrors } from '../account-form';
import { roleOptions } from './roles';

const labels = { email: 'Email', role: 'Role' };

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const invite = useInviteMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('REVIEWER');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(invite.error, labels);

  const close = () => {
    setEmail('');
    setErrors({});
    invite.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = fieldErrors(inviteMemberRequest, { email, role }, labels);
    setErrors(local ?? {});
    if (!local) invite.mutate(inviteMemberRequest.parse({ email, role }), { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a member" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            They get an email with a link that works once, for 7 days, to choose their name and password.
          </Text>
          {invite.error && !Object.keys(server).length && (
            <Alert color="red" role="alert">
              {invite.error.message}
            </Alert>
          )}
          <TextInput label={labels.email} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email ?? server.email} data-autofocus />
          <Select label={labels.role} data={roleOptions} value={role} onChange={(v) => v && setRole(v as UserRole)} allowDeselect={false} error={errors.role ?? server.role} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
