import { Alert, Button, Center, Loader, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type SetupRequest, setupRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSetUp, useSetupStatus } from '../../hooks/use-accounts';
import { AccountCard, fieldErrors, FormError, NewPasswordInput, serverFieldErrors, textField } from './account-form';

const labels = { organizationName: 'Organization name', name: 'Your name', email: 'Email', password: 'Password' };

/** First run: the organization and its first admin. Once one exists, this page only points to sign-in. */
export function SetupPage() {
  useDocumentTitle('Set up Takehome · Takehome');
  const status = useSetupStatus();
  const setUp = useSetUp();
  const navigate = useNavigate();
  const [form, setForm] = useState<SetupRequest>({ organizationName: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = (key: keyof SetupRequest) => ({
    value: form[key],
    onChange: (v: string) => setForm((f) => ({ ...f, [key]: v })),
    error: errors[key] ?? serverFieldErrors(setUp.error, labels)[key],
  });

  if (status.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Checking whether Takehome is set up" />
      </Center>
    );
  }
  const done = status.data?.needed === false || (setUp.error as { code?: string } | null)?.code === 'already_set_up';
  if (done && !setUp.isSuccess) {
    return (
      <AccountCard title="Takehome is already set up" intro="An organization exists on this server, so first-run set-up is closed.">
        <Alert color="blue">Sign in with your account, or ask an admin of your organization to invite you.</Alert>
        <Button component={Link} to="/login">
          Go to sign in
        </Button>
      </AccountCard>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = fieldErrors(setupRequest, form, labels);
    setErrors(local ?? {});
    if (!local) setUp.mutate(setupRequest.parse(form), { onSuccess: () => navigate('/settings/members', { replace: true }) });
  };

  return (
    <AccountCard title="Set up Takehome" intro="Create your organization and its first admin account. You can invite your team next." onSubmit={submit}>
      <FormError error={setUp.error} title="Could not set up" />
      <TextInput label={labels.organizationName} placeholder="Acme Engineering" required {...textField(field('organizationName'))} />
      <TextInput label={labels.name} autoComplete="name" required {...textField(field('name'))} />
      <TextInput label={labels.email} type="email" autoComplete="username" required {...textField(field('email'))} />
      <NewPasswordInput {...field('password')} />
      <Button type="submit" loading={setUp.isPending}>
        Create organization
      </Button>
    </AccountCard>
  );
}
