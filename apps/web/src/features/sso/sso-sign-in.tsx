import { Alert, Button, Card, Divider, Stack, Text, TextInput } from '@mantine/core';
import { ssoDiscoverRequest, ssoErrorCode } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDiscoverSso, useSsoDiscovery, useSsoOrganization } from './hooks/use-sso';
import { ssoErrorMessages } from './sso-errors';

/** Why the last single sign-on attempt sent the person back here, if it did. */
export function SsoErrorAlert() {
  const [params] = useSearchParams();
  const code = ssoErrorCode.safeParse(params.get('error'));
  if (!code.success) return null;
  const { title, message } = ssoErrorMessages[code.data];
  return (
    <Alert color="red" role="alert" title={title} w={400}>
      {message}
    </Alert>
  );
}

/**
 * Single sign-on on the login page: the organization's own button on its direct link (/login?org=<slug>),
 * otherwise "Use single sign-on (SSO)", which asks for the work email and goes wherever that address signs in.
 * (Worded without "Sign in", so "Sign in" keeps naming one button on the page: the password form's.)
 */
export function SsoSignIn({ next, passwordRefusedFor }: { next: string; passwordRefusedFor?: string }) {
  const [params] = useSearchParams();
  const slug = params.get('org');
  const organization = useSsoOrganization(slug);
  // A password login refused because the organization signs in with its provider: offer that provider at once.
  const discovered = useSsoDiscovery(passwordRefusedFor, next);
  const withNext = (url: string) => (next !== '/' ? `${url}&next=${encodeURIComponent(next)}` : url);

  return (
    <Card withBorder padding="xl" w={400}>
      <Stack>
        <Divider label="or" labelPosition="center" />
        {discovered.data?.startUrl ? (
          <Button component="a" href={discovered.data.startUrl} variant="filled" color="dark">
            Sign in with {discovered.data.providerName}
          </Button>
        ) : organization.data ? (
          <>
            <Button component="a" href={withNext(organization.data.startUrl)} variant="filled" color="dark">
              Sign in with {organization.data.providerName}
            </Button>
            <Text c="dimmed" size="sm" ta="center">
              {organization.data.organizationName} signs in with {organization.data.providerName}.
            </Text>
          </>
        ) : (
          <>
            {slug && organization.data === null && (
              <Text c="dimmed" size="sm">
                This organization link has no single sign-on.
              </Text>
            )}
            <DiscoverForm next={next} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function DiscoverForm({ next }: { next: string }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const discover = useDiscoverSso();

  if (!open) {
    return (
      <Button variant="default" onClick={() => setOpen(true)}>
        Use single sign-on (SSO)
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ssoDiscoverRequest.safeParse({ email, next });
    if (!parsed.success) return setFieldError(`Work email ${parsed.error.issues[0].message}`);
    setFieldError(undefined);
    discover.mutate(parsed.data, { onSuccess: (answer) => answer.startUrl && window.location.assign(answer.startUrl) });
  };
  const none = discover.data && !discover.data.startUrl;
  return (
    <form onSubmit={submit} noValidate aria-label="Sign in with single sign-on">
      <Stack gap="sm">
        <TextInput
          label="Work email"
          description="We find your organization's identity provider from it."
          type="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError}
        />
        {none && (
          <Alert color="gray" role="status">
            There is no single sign-on for this address. Sign in with your password, or ask your admin.
          </Alert>
        )}
        {discover.error && (
          <Alert color="red" role="alert">
            {discover.error.message}
          </Alert>
        )}
        <Button type="submit" variant="default" loading={discover.isPending || (!!discover.data?.startUrl && !discover.error)}>
          Continue with SSO
        </Button>
      </Stack>
    </form>
  );
}
