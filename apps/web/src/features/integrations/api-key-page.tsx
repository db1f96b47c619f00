import { Alert, Button, Card, Code, CopyButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { ConfirmModal } from '../hiring/confirm-modal';
import { useApiKey, useRotateApiKey } from './use-integrations';
import { IntegrationsTabs } from './integrations-tabs';

/** Admins: the organization's public-API key. Only its prefix is kept, so a new key is the only way to see one. */
export function ApiKeyPage() {
  const key = useApiKey();
  const rotate = useRotateApiKey();
  const [confirming, confirm] = useDisclosure(false);
  useDocumentTitle('API key · Takehome');
  if (key.isPending) return <Loader aria-label="Loading the API key" />;
  if (key.error) return <Alert color="red">{key.error.message}</Alert>;
  const status = key.data;
  return (
    <Stack maw={760}>
      <IntegrationsTabs current="api-key" />
      <div>
        <Title order={1} size="h2">API key</Title>
        <Text c="dimmed" size="sm">
          Tools call <Code>/api/v1</Code> with <Code>Authorization: Bearer &lt;key&gt;</Code>. There is one key per organization.
        </Text>
      </div>
      <Card withBorder aria-label="Current key">
        {status.configured ? (
          <Text>
            In use: <Code>{status.prefix ? `${status.prefix}…` : 'made before prefixes were kept'}</Code>
            {status.createdAt && <Text span c="dimmed" size="sm"> · created {new Date(status.createdAt).toLocaleString()}</Text>}
          </Text>
        ) : (
          <Text c="dimmed">No key yet: the public API refuses every call.</Text>
        )}
      </Card>
      {rotate.data && (
        <Alert color="green" title="Copy the new key now" role="status">
          <Text size="sm">It is shown only this once; the server keeps a hash.</Text>
          <Group mt="xs">
            <Code aria-label="New API key">{rotate.data.apiKey}</Code>
            <CopyButton value={rotate.data.apiKey}>{({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      <Group>
        <Button onClick={status.configured ? confirm.open : () => rotate.mutate()} loading={rotate.isPending && !confirming}>
          {status.configured ? 'Rotate key' : 'Create key'}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title="Rotate the API key?"
        confirmLabel="Rotate key"
        color="orange"
        loading={rotate.isPending}
        error={rotate.error}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: confirm.close })}
      >
        <Text size="sm">The current key ({status.prefix ? `${status.prefix}…` : 'in use'}) stops working at once. Tools using it need the new one.</Text>
      </ConfirmModal>
    </Stack>
  );
}
