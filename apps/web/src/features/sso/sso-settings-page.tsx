import { Alert, Badge, Button, Card, Code, CopyButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { SsoSettingsView } from '@takehome/contracts';
import { useState } from 'react';
import { ConfirmModal } from '../hiring/confirm-modal';
import { useRemoveSsoSettings, useSaveSsoSettings, useSsoSettings } from './hooks/use-sso';
import { SsoSettingsForm } from './sso-settings-form';

/** An admin's page for the organization's OpenID Connect provider. */
export function SsoSettingsPage() {
  const settings = useSsoSettings();
  // Held here, outside the keyed form, so "Saved." outlives the form's restart from the saved values.
  const save = useSaveSsoSettings();
  if (settings.isPending) return <Loader aria-label="Loading single sign-on settings" />;
  if (settings.error) return <Alert color="red" title="Could not load single sign-on settings">{settings.error.message}</Alert>;
  const { provider } = settings.data;
  return (
    <Stack maw={760}>
      <div>
        <Group gap="sm">
          <Title order={1} size="h2">
            Single sign-on
          </Title>
          {provider &&
            (provider.verifiedAt ? (
              <Badge color="green" variant="light">Working since {new Date(provider.verifiedAt).toLocaleDateString()}</Badge>
            ) : (
              <Badge color="yellow" variant="light">Not used yet</Badge>
            ))}
        </Group>
        <Text c="dimmed" size="sm">
          Let your team sign in with your company's identity provider (Okta, Microsoft Entra ID, Google Workspace, Keycloak, any OpenID Connect
          provider).
        </Text>
      </div>
      <RegistrationCard settings={settings.data} />
      {!settings.data.encryptionKeyConfigured && (
        <Alert color="orange" title="Encryption key missing" role="alert">
          The server stores the client secret encrypted and has no key to do it with. Set <Code>SECRETS_ENCRYPTION_KEY</Code> (32 random bytes, base64 or
          hex) on the API server and restart it; until then nothing can be saved here.
        </Alert>
      )}
      {/* Keyed by the saved version, so a save restarts the form from what the server now holds. */}
      <SsoSettingsForm key={provider?.updatedAt ?? 'new'} provider={provider} save={save} />
      {provider && <RemoveProvider name={provider.displayName} />}
    </Stack>
  );
}

function RegistrationCard({ settings }: { settings: SsoSettingsView }) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Register Takehome at your identity provider
        </Text>
        <Text size="sm">Create a web application (authorization code flow) with this sign-in redirect URI:</Text>
        <CopyField value={settings.redirectUri} label="redirect URI" />
        <Text size="sm">Your team's direct sign-in link:</Text>
        <CopyField value={settings.loginUrl} label="sign-in link" />
      </Stack>
    </Card>
  );
}

function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code style={{ overflowWrap: 'anywhere' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" onClick={copy} aria-label={`Copy the ${label}`}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function RemoveProvider({ name }: { name: string }) {
  const [opened, setOpened] = useState(false);
  const remove = useRemoveSsoSettings();
  return (
    <Group>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        Remove single sign-on
      </Button>
      <ConfirmModal
        opened={opened}
        title="Remove single sign-on?"
        confirmLabel="Remove"
        color="red"
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setOpened(false) })}
        onClose={() => setOpened(false)}
      >
        <Text size="sm">
          Nobody will be able to sign in with {name} any more, and password sign-in is on again for everyone. People who only ever signed in with{' '}
          {name} have no password yet and will need to set one.
        </Text>
      </ConfirmModal>
    </Group>
  );
}
