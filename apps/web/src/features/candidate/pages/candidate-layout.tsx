import { AppShell, Container, Group, Text } from '@mantine/core';
import { Outlet } from 'react-router';

/** The candidate's own frame: no team navigation, no sign-in, just the assessment. */
export function CandidateLayout() {
  return (
    <AppShell header={{ height: 44 }} padding="sm">
      <AppShell.Header>
        <Container fluid h="100%">
          <Group h="100%">
            <Text fw={700}>Takehome</Text>
            <Text size="sm" c="dimmed">Backend assessment</Text>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container fluid>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
