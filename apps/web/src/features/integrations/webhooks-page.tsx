import { Alert, Badge, Button, Card, Checkbox, Code, CopyButton, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { createWebhookRequest, type WebhookEvent, webhookEvent, type WebhookView } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/http';
import { useCreateWebhook, useDeactivateWebhook, useRetryDelivery, useWebhookDeliveries, useWebhooks } from './use-integrations';
import { IntegrationsTabs } from './integrations-tabs';

function CreateWebhookForm() {
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});
  const serverIssues = create.error instanceof ApiError ? create.error.issues : [];
  const fieldError = (field: 'url' | 'events') => errors[field] ?? serverIssues.find((i) => i.path === field)?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The same contract the API validates with, so the form shows what the server would refuse, per field.
    const parsed = createWebhookRequest.safeParse({ url, events });
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: () => (setUrl(''), setEvents([])) });
  };

  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="New webhook">
      <Stack gap="sm">
        <Title order={2} size="h4">
          New webhook
        </Title>
        <TextInput label="Endpoint URL" placeholder="https://ats.example.com/hooks/takehome" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError('url')} />
        <Checkbox.Group label="Events" value={events} onChange={(v) => setEvents(v as WebhookEvent[])} error={fieldError('events')}>
          <Group mt={4}>
            {webhookEvent.options.map((event) => (
              <Checkbox key={event} value={event} label={event} />
            ))}
          </Group>
        </Checkbox.Group>
        {create.error && !serverIssues.length && <Alert color="red">{create.error.message}</Alert>}
        {create.data && (
          <Alert color="green" title="Webhook created: copy its signing secret now" role="status">
            <Text size="sm">It is shown only this once. Verify each delivery's takehome-signature header with it.</Text>
            <Group mt="xs">
              <Code aria-label="Signing secret">{create.data.secret}</Code>
              <CopyButton value={create.data.secret}>{({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create webhook
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookView }) {
  const deliveries = useWebhookDeliveries(endpoint.id);
  const retry = useRetryDelivery(endpoint.id);
  if (deliveries.isPending) return <Loader size="sm" aria-label="Loading deliveries" />;
  if (deliveries.error) return <Alert color="red">{deliveries.error.message}</Alert>;
  if (!deliveries.data.length) return <Text size="sm" c="dimmed">Nothing delivered yet: deliveries appear here when a subscribed event happens.</Text>;
  return (
    <Table aria-label={`Deliveries to ${endpoint.url}`} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Event</Table.Th>
          <Table.Th>When</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Attempts</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.data.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.event}</Table.Td>
            <Table.Td>{new Date(d.createdAt).toLocaleString()}</Table.Td>
            <Table.Td>
              {d.deliveredAt ? (
                <Badge color="green" variant="light" tt="none">Delivered</Badge>
              ) : d.attempts === 0 ? (
                <Badge color="gray" variant="light" tt="none">Queued</Badge>
              ) : (
                <Badge color="red" variant="light" tt="none">{d.lastStatus ? `Failed: HTTP ${d.lastStatus}` : `Failed: ${d.lastError ?? 'no answer'}`}</Badge>
              )}
            </Table.Td>
            <Table.Td>{d.attempts}</Table.Td>
            <Table.Td>
              {!d.deliveredAt && d.attempts > 0 && endpoint.active && (
                <Button size="compact-xs" variant="light" loading={retry.isPending && retry.variables === d.id} onClick={() => retry.mutate(d.id)}>
                  Retry
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {retry.error && (
        <Table.Caption>
          <Text c="red" size="sm" role="alert">{retry.error.message}</Text>
        </Table.Caption>
      )}
    </Table>
  );
}

/** Leads and admins: the organization's webhook endpoints (an ATS), each with its delivery log. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const deactivate = useDeactivateWebhook();
  const [open, setOpen] = useState<string | null>(null);
  useDocumentTitle('Webhooks · Takehome');
  return (
    <Stack maw={960}>
      <IntegrationsTabs current="webhooks" />
      <div>
        <Title order={1} size="h2">Webhooks</Title>
        <Text c="dimmed" size="sm">Tell your applicant tracking system when candidates submit, are graded, reviewed and get feedback. Each delivery is signed.</Text>
      </div>
      <CreateWebhookForm />
      {webhooks.isPending && <Loader aria-label="Loading webhooks" />}
      {webhooks.error && <Alert color="red">{webhooks.error.message}</Alert>}
      {webhooks.data?.length === 0 && <Alert color="gray">No webhooks yet.</Alert>}
      {webhooks.data?.map((w) => (
        <Card key={w.id} withBorder aria-label={`Webhook ${w.url}`}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{w.url}</Text>
                <Badge color={w.active ? 'green' : 'gray'} variant="light" tt="none">{w.active ? 'Active' : 'Switched off'}</Badge>
              </Group>
              <Text size="xs" c="dimmed">{w.events.join(' · ')}</Text>
            </div>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpen(open === w.id ? null : w.id)} aria-expanded={open === w.id}>
                {open === w.id ? 'Hide deliveries' : 'Deliveries'}
              </Button>
              {w.active && (
                <Button size="xs" variant="subtle" color="red" loading={deactivate.isPending && deactivate.variables === w.id} onClick={() => deactivate.mutate(w.id)}>
                  Switch off
                </Button>
              )}
            </Group>
          </Group>
          {open === w.id && (
            <Stack mt="sm">
              <Deliveries endpoint={w} />
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
