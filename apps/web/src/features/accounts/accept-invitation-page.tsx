import { Badge, Button, Center, Group, Loader, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { acceptInvitationRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useAcceptInvitation, useAccountLink } from '../../hooks/use-accounts';
import { AccountCard, fieldErrors, FormError, homeFor, LinkProblem, NewPasswordInput, serverFieldErrors, textField } from './account-form';

const labels = { name: 'Your name', password: 'Password' };
const roleNames = { ADMIN: 'Admin', HIRING_LEAD: 'Hiring lead', REVIEWER: 'Reviewer' } as const;

/** The invitee chooses the name their team sees and a password, and lands signed in. */
export function AcceptInvitationPage() {
  useDocumentTitle('Accept invitation · Takehome');
  const { token = '' } = useParams();
  const link = useAccountLink(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(accept.error, labels);

  if (link.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Checking your invitation" />
      </Center>
    );
  }
  if (link.error) return <LinkProblem error={link.error} kind="invitation" />;
  // The link was fine a moment ago and is not now (accepted in another tab, withdrawn): the same clear page.
  if (accept.error instanceof ApiError && accept.error.status === 410) return <LinkProblem error={accept.error} kind="invitation" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = { token, name, password };
    const local = fieldErrors(acceptInvitationRequest, value, labels);
    setErrors(local ?? {});
    if (!local) accept.mutate(acceptInvitationRequest.parse(value), { onSuccess: (user) => navigate(homeFor(user.role), { replace: true }) });
  };

  return (
    <AccountCard title={`Join ${link.data.organizationName}`} intro="You were invited to review take-home assessments with your team on Takehome." onSubmit={submit}>
      <Group gap="xs">
        <Text size="sm">
          Signing in as <b>{link.data.email}</b>
        </Text>
        {link.data.role && <Badge variant="light">{roleNames[link.data.role]}</Badge>}
      </Group>
      <FormError error={accept.error} title="Could not accept the invitation" />
      <TextInput label={labels.name} description="Shown to your teammates" autoComplete="name" required {...textField({ value: name, onChange: setName, error: errors.name ?? server.name })} />
      <NewPasswordInput value={password} onChange={setPassword} error={errors.password ?? server.password} />
      <Button type="submit" loading={accept.isPending}>
        Join and sign in
      </Button>
    </AccountCard>
  );
}
