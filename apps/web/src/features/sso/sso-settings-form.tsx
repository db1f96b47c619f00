import { Alert, Button, Card, Group, PasswordInput, Radio, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { type OidcProviderView, type SaveOidcProviderRequest, saveOidcProviderRequest, type SsoJoinPolicy } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/http';
import type { useSaveSsoSettings } from './hooks/use-sso';

type Field = keyof SaveOidcProviderRequest;
type Errors = Partial<Record<Field, string>>;

const labels: Record<Field, string> = {
  displayName: 'Button name',
  issuerUrl: 'Issuer URL',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  allowedDomains: 'Allowed email domains',
  joinPolicy: 'Who may join',
  defaultRole: 'Role for people who join',
  passwordSignInDisabled: 'Password sign-in',
};

/** Issues (from the contract here, or from the server) shown under the field they are about. */
function byField(issues: { path: string; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] as Field;
    if (field in labels && !errors[field]) errors[field] = `${labels[field]} ${issue.message}`;
  }
  return errors;
}

export function SsoSettingsForm({ provider, save }: { provider: OidcProviderView | null; save: ReturnType<typeof useSaveSsoSettings> }) {
  const [displayName, setDisplayName] = useState(provider?.displayName ?? '');
  const [issuerUrl, setIssuerUrl] = useState(provider?.issuerUrl ?? '');
  const [clientId, setClientId] = useState(provider?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [allowedDomains, setAllowedDomains] = useState(provider?.allowedDomains ?? []);
  const [joinPolicy, setJoinPolicy] = useState<SsoJoinPolicy>(provider?.joinPolicy ?? 'DOMAIN');
  const [defaultRole, setDefaultRole] = useState(provider?.defaultRole ?? 'REVIEWER');
  const [passwordOff, setPasswordOff] = useState(provider?.passwordSignInDisabled ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const serverErrors = save.error instanceof ApiError ? byField(save.error.issues) : {};
  const shown: Errors = { ...serverErrors, ...errors };
  // Switching password sign-in off is only offered once the provider has proved it works (the server insists too).
  const canSwitchOff = !!provider?.verifiedAt || !!provider?.passwordSignInDisabled;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SaveOidcProviderRequest = { displayName, issuerUrl, clientId, clientSecret, allowedDomains, joinPolicy, defaultRole, passwordSignInDisabled: passwordOff };
    const parsed = saveOidcProviderRequest.safeParse(body);
    const found = parsed.success ? {} : byField(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    if (!provider && !clientSecret) found.clientSecret = 'Client secret is required';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(body);
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Identity provider settings">
      <Stack>
        <TextInput label={labels.displayName} description='Shown on the login page as "Sign in with …"' placeholder="Okta" required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={shown.displayName} />
        <TextInput
          label={labels.issuerUrl}
          description="Your provider's issuer; its /.well-known/openid-configuration is read when you save."
          placeholder="https://acme.okta.com"
          required
          value={issuerUrl}
          onChange={(e) => setIssuerUrl(e.currentTarget.value)}
          error={shown.issuerUrl}
        />
        <Group grow align="flex-start">
          <TextInput label={labels.clientId} description="From the application registered at the provider." required value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} error={shown.clientId} />
          <PasswordInput
            label={labels.clientSecret}
            description={provider ? 'Stored encrypted, never shown. Leave empty to keep it.' : 'Stored encrypted, never shown again.'}
            placeholder={provider?.hasClientSecret ? '•••••••• stored' : undefined}
            required={!provider}
            autoComplete="new-password"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.currentTarget.value)}
            error={shown.clientSecret}
          />
        </Group>
        <TagsInput
          label={labels.allowedDomains}
          description="Press Enter after each domain, e.g. acme.com"
          value={allowedDomains}
          onChange={setAllowedDomains}
          splitChars={[',', ' ']}
          clearable
          error={shown.allowedDomains}
        />
        <Radio.Group label={labels.joinPolicy} value={joinPolicy} onChange={(v) => setJoinPolicy(v as SsoJoinPolicy)} error={shown.joinPolicy}>
          <Stack gap="xs" mt="xs">
            <Radio value="DOMAIN" label="Anyone whose verified email is on an allowed domain joins on first sign-in" />
            <Radio value="INVITE_ONLY" label="Only people who are already members (invite only)" />
          </Stack>
        </Radio.Group>
        {joinPolicy === 'DOMAIN' && (
          <Select
            label={labels.defaultRole}
            w={260}
            data={[
              { value: 'REVIEWER', label: 'Reviewer' },
              { value: 'HIRING_LEAD', label: 'Hiring lead' },
            ]}
            value={defaultRole}
            onChange={(v) => v && setDefaultRole(v as typeof defaultRole)}
            allowDeselect={false}
            error={shown.defaultRole}
          />
        )}
        <Switch
          label="Turn off password sign-in for this organization"
          description={
            canSwitchOff
              ? `Members then sign in only with ${provider?.displayName ?? 'the provider'}.`
              : 'Available once someone has signed in with the saved provider, so a mistake in the settings cannot lock everyone out.'
          }
          checked={passwordOff}
          disabled={!canSwitchOff}
          onChange={(e) => setPasswordOff(e.currentTarget.checked)}
          error={shown.passwordSignInDisabled}
        />
        {save.error && (
          <Alert color="red" role="alert" title="The settings were not saved">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="dimmed" role="status">
              Saved.
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
