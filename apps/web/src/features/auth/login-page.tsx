import { Alert, Anchor, Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { loginRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useLogin, useSession, useSessionEnded } from '../../hooks/use-session';
import { SsoErrorAlert, SsoSignIn } from '../sso/sso-sign-in';

/** Only same-site paths are followed after sign-in, so a crafted ?next= cannot send someone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** /admin/* pages (the queue dashboard) are served by the API, not this app: leave the app to reach them. */
const servedOutsideApp = (path: string) => path.startsWith('/admin/');

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const ended = useSessionEnded();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  if (session.data && servedOutsideApp(next)) {
    window.location.replace(next);
    return null;
  }
  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginRequest.safeParse({ email, password });
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), `${i.path[0] === 'email' ? 'Email' : 'Password'} ${i.message}`]));
      return setFieldErrors(errors);
    }
    setFieldErrors({});
    login.mutate(parsed.data, { onSuccess: () => (servedOutsideApp(next) ? window.location.replace(next) : navigate(next, { replace: true })) });
  };

  return (
    <Stack align="center" py="xl">
      <SsoErrorAlert />
      <Card withBorder padding="xl" w={400} component="form" onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              Sign in
            </Title>
            <Text c="dimmed" size="sm">
              For hiring teams. Candidates use the link in their invitation.
            </Text>
          </div>
          {ended && !login.error && (
            <Alert color="yellow" role="status" title="You were signed out">
              Your session has ended. Sign in again to continue.
            </Alert>
          )}
          {login.error && (
            <Alert color="red" role="alert" title="Could not sign in">
              {login.error.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password} />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending}>
            Sign in
          </Button>
        </Stack>
      </Card>
      <SsoSignIn next={next} passwordRefusedFor={login.error instanceof ApiError && login.error.code === 'password_sign_in_disabled' ? login.variables?.email : undefined} />
    </Stack>
  );
}
