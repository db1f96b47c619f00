import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DependencyStatus } from '@takehome/contracts';
import { useHealth } from '../../hooks/use-health';

const labels = { database: 'PostgreSQL', redis: 'Redis', docker: 'Docker engine', disk: 'Disk space' } as const;

export function StatusPage() {
  const { data, error, isPending } = useHealth();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Platform status</Title>
        <Text c="dimmed">What the API reports about the services it depends on.</Text>
      </div>
      {isPending && <Loader aria-label="Loading status" />}
      {error && (
        <Alert color="red" title="The API did not answer">
          {error.message}
        </Alert>
      )}
      {data && (
        <>
          <Group>
            <Badge size="lg" color={data.status === 'ok' ? 'teal' : 'orange'}>
              {data.status === 'ok' ? 'All systems up' : 'Degraded'}
            </Badge>
            <Text size="sm" c="dimmed">
              {data.workers.online} worker{data.workers.online === 1 ? '' : 's'} online · version {data.version}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {(Object.keys(labels) as (keyof typeof labels)[]).map((key) => (
              <DependencyCard key={key} name={labels[key]} status={data.checks[key]} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function DependencyCard({ name, status }: { name: string; status: DependencyStatus }) {
  return (
    <Card withBorder padding="lg" aria-label={`${name} status`}>
      <Group justify="space-between">
        <Text fw={600}>{name}</Text>
        <Badge color={status.status === 'up' ? 'teal' : 'red'}>{status.status}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {status.status === 'up' ? `answered in ${status.latencyMs} ms` : status.error}
      </Text>
    </Card>
  );
}
