import { Alert, Button, Group, Loader, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PrivacySettings, privacySettings } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { request } from '../../api/http';
import { queryKeys } from '../../hooks/query-keys';
import { ValidationIssues } from '../challenges/validation-issues';

const fetchPrivacy = () => request(privacySettings, '/api/organization/privacy');
const savePrivacy = (body: PrivacySettings) => request(privacySettings, '/api/organization/privacy', { method: 'PUT', json: body });

/** An admin's page for how long finished candidates' personal data is kept. */
export function PrivacySettingsPage() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.privacySettings(), queryFn: fetchPrivacy });
  // Held here, outside the keyed form, so "Saved." outlives the form's restart from the saved values.
  const save = useMutation({ mutationFn: savePrivacy, onSuccess: (data) => client.setQueryData(queryKeys.privacySettings(), data) });
  if (settings.isPending) return <Loader aria-label="Loading data retention settings" />;
  if (settings.error) return <Alert color="red" title="Could not load data retention settings">{settings.error.message}</Alert>;
  return <RetentionForm key={String(settings.data.candidateRetentionDays)} saved={settings.data} save={save} />;
}

function RetentionForm({ saved, save }: { saved: PrivacySettings; save: UseMutationResult<PrivacySettings, Error, PrivacySettings> }) {
  const [limited, setLimited] = useState(saved.candidateRetentionDays !== null);
  const [days, setDays] = useState<number | string>(saved.candidateRetentionDays ?? 180);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ candidateRetentionDays: limited ? Number(days) : null });
  };
  return (
    <Stack maw={640} component="form" onSubmit={submit} aria-label="Data retention">
      <div>
        <Title order={1} size="h2">Candidates' data</Title>
        <Text c="dimmed" size="sm">
          After this period, the personal data of candidates who finished (name, email, code, logs, survey comments, reviewers' comments and feedback
          text) is erased automatically. Scores and times stay, without names, for analytics and the pilot baseline. A single candidate can be erased
          at any time from the pipeline's row menu.
        </Text>
      </div>
      <Switch label="Erase finished candidates' personal data automatically" checked={limited} onChange={(e) => setLimited(e.currentTarget.checked)} />
      {limited && <NumberInput label="Days after the candidate finished" min={1} max={3650} value={days} onChange={setDays} />}
      <ValidationIssues error={save.error} title="Nothing was saved" />
      {save.isSuccess && <Alert color="green" role="status">Saved.</Alert>}
      <Group>
        <Button type="submit" loading={save.isPending}>Save</Button>
      </Group>
    </Stack>
  );
}
