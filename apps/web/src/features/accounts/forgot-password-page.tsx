import { Alert, Anchor, Button, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { forgotPasswordRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useForgotPassword } from '../../hooks/use-accounts';
import { AccountCard, fieldErrors, FormError } from './account-form';

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password · Takehome');
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = fieldErrors(forgotPasswordRequest, { email }, { email: 'Email' });
    setError(local?.email);
    if (!local) forgot.mutate(forgotPasswordRequest.parse({ email }));
  };

  return (
    <AccountCard title="Forgot your password?" intro="Enter the email you sign in with; we send a link to choose a new password." onSubmit={submit}>
      {forgot.data ? (
        <Alert color="green" role="status" title="Check your email">
          {forgot.data.message}
        </Alert>
      ) : (
        <>
          <FormError error={forgot.error} title="Could not send the link" />
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error} />
          <Button type="submit" loading={forgot.isPending}>
            Email me a link
          </Button>
        </>
      )}
      <Anchor component={Link} to="/login" size="sm">
        Back to sign in
      </Anchor>
    </AccountCard>
  );
}
