import { Code, Group, List, Stack, Text } from '@mantine/core';
import { type ChallengeService, describeService, servicesReachNote } from '@takehome/contracts';

/**
 * The sidecars the candidate's service gets (PostgreSQL, Redis) and how to reach them, said the same way on the
 * landing page and beside the prompt: "PostgreSQL 15 — DATABASE_URL", then the other variables and what it is.
 */
export function ChallengeServicesList({ services, compact = false }: { services: ChallengeService[]; compact?: boolean }) {
  if (services.length === 0) return null;
  return (
    <Stack gap="xs">
      <List spacing="xs" aria-label="Services your code gets">
        {services.map((s) => (
          <List.Item key={s.kind}>
            {/* The one-line form (describeService), so it reads exactly as everywhere else. */}
            <Text fw={600} span title={describeService(s)}>
              {s.title} — <Code>{s.env[0]}</Code>
            </Text>
            {!compact && <Text size="sm" c="dimmed">{s.what}{s.testsReadData ? ' The tests may read (never change) what your service stores in it.' : ''}</Text>}
            {s.env.length > 1 && (
              <Group gap={4} mt={2}>
                <Text size="xs" c="dimmed">Also set:</Text>
                {s.env.slice(1).map((v) => <Code key={v} fz="xs">{v}</Code>)}
              </Group>
            )}
          </List.Item>
        ))}
      </List>
      <Text size={compact ? 'xs' : 'sm'} c="dimmed">{servicesReachNote(services)}</Text>
    </Stack>
  );
}
