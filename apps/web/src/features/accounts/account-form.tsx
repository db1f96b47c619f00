import { Alert, Button, Card, Center, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { PASSWORD_RULE } from '@takehome/contracts';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ApiError } from '../../api/http';

/** The centred card every signed-out account page uses (set-up, accept, forgot, reset), like the sign-in page. */
export function AccountCard({ title, intro, onSubmit, children }: { title: string; intro?: ReactNode; onSubmit?: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <Center py="xl">
      <Card withBorder padding="xl" w={440} component={onSubmit ? 'form' : 'div'} onSubmit={onSubmit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {title}
            </Title>
            {intro && (
              <Text c="dimmed" size="sm" mt={4}>
                {intro}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Card>
    </Center>
  );
}

/** A new password, with the rule shown before the person types rather than after they fail it. */
export function NewPasswordInput({ label = 'Password', value, onChange, error }: { label?: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <PasswordInput
      label={label}
      description={PASSWORD_RULE}
      autoComplete="new-password"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** Field errors from the contract (before sending) or from the server's 400 (after), keyed by field. */
export function fieldErrors(schema: z.ZodType, value: unknown, labels: Record<string, string>): Record<string, string> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), `${labels[String(i.path[0])] ?? String(i.path[0])} ${i.message}`]));
}

export function serverFieldErrors(error: unknown, labels: Record<string, string>): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path, `${labels[i.path] ?? i.path} ${i.message}`]));
}

/** The server's message for anything that is not about one field. */
export function FormError({ error, title }: { error: Error | null; title: string }) {
  if (!error || (error instanceof ApiError && error.issues.length > 0)) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {error.message}
    </Alert>
  );
}

const problemTitles: Record<string, string> = {
  invalid: 'This link does not work',
  expired: 'This link has expired',
  used: 'This link was already used',
  revoked: 'This link was withdrawn',
};

/** What a person sees for a bad, expired, used or withdrawn emailed link: what happened and where to go next. */
export function LinkProblem({ error, kind }: { error: Error; kind: 'invitation' | 'password' }) {
  const code = error instanceof ApiError ? error.code : undefined;
  const title = (code && problemTitles[code]) || 'This link cannot be used';
  return (
    <AccountCard title={title}>
      <Alert color="orange" role="alert">
        {error.message}
      </Alert>
      <Button component={Link} to="/login">
        Go to sign in
      </Button>
      {kind === 'password' && (
        <Button component={Link} to="/forgot-password" variant="light">
          Send me a new link
        </Button>
      )}
    </AccountCard>
  );
}

/** Adapts a { value, onChange(string), error } field to a Mantine text input's props. */
export function textField(f: { value: string; onChange: (v: string) => void; error?: string }) {
  return { value: f.value, onChange: (e: { currentTarget: { value: string } }) => f.onChange(e.currentTarget.value), error: f.error };
}

/** Where someone lands once signed in by a link: the page their role works on. */
export function homeFor(role: string): string {
  return role === 'REVIEWER' ? '/review' : role === 'ADMIN' ? '/settings/members' : '/assessments';
}
