import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { changePasswordRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useChangePassword } from '../../hooks/use-accounts';
import { fieldErrors, FormError, NewPasswordInput, serverFieldErrors } from './account-form';

const labels = { currentPassword: 'Current password', newPassword: 'New password' };

/** From the account menu: the current password proves it is you; every other browser is signed out. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(change.error, labels);

  const close = () => {
    setCurrent('');
    setNew('');
    setErrors({});
    change.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = { currentPassword, newPassword };
    const local = fieldErrors(changePasswordRequest, value, labels);
    setErrors(local ?? {});
    if (!local) change.mutate(value);
  };

  return (
    <Modal opened={opened} onClose={close} title="Change password" centered>
      {change.isSuccess ? (
        <Stack>
          <Alert color="green" role="status">
            Password changed. Every other browser signed in to your account was signed out.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={change.error} title="Could not change the password" />
            <PasswordInput
              label={labels.currentPassword}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.currentPassword ?? server.currentPassword}
              data-autofocus
            />
            <NewPasswordInput label={labels.newPassword} value={newPassword} onChange={setNew} error={errors.newPassword ?? server.newPassword} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={change.isPending}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
