import { Button, Center, Loader, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { resetPasswordRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useAccountLink, useResetPassword } from '../../hooks/use-accounts';
import { AccountCard, fieldErrors, FormError, homeFor, LinkProblem, NewPasswordInput, serverFieldErrors } from './account-form';

const labels = { password: 'New password' };

/** A password from an emailed link: "forgot password", or the first one of an admin made with `assess org create`. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const link = useAccountLink(token);
  const first = link.data?.purpose === 'SET_PASSWORD';
  useDocumentTitle(first ? 'Set your password · Takehome' : 'Choose a new password · Takehome');
  const reset = useResetPassword();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (link.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Checking your link" />
      </Center>
    );
  }
  if (link.error) return <LinkProblem error={link.error} kind="password" />;
  if (reset.error instanceof ApiError && reset.error.status === 410) return <LinkProblem error={reset.error} kind="password" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = { token, password };
    const local = fieldErrors(resetPasswordRequest, value, labels);
    setErrors(local ?? {});
    if (!local) reset.mutate(resetPasswordRequest.parse(value), { onSuccess: (user) => navigate(homeFor(user.role), { replace: true }) });
  };

  return (
    <AccountCard
      title={first ? 'Set your password' : 'Choose a new password'}
      intro={first ? `Your admin account at ${link.data.organizationName} is ready; choose the password you will sign in with.` : 'Every browser signed in to your account will be signed out.'}
      onSubmit={submit}
    >
      <Text size="sm">
        Account: <b>{link.data.email}</b>
      </Text>
      <FormError error={reset.error} title="Could not save the password" />
      <NewPasswordInput label="New password" value={password} onChange={setPassword} error={errors.password ?? serverFieldErrors(reset.error, labels).password} />
      <Button type="submit" loading={reset.isPending}>
        Save password and sign in
      </Button>
    </AccountCard>
  );
}
