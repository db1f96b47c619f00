import { AppShell, Anchor, Container, Group, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';

export function Layout() {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between">
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text fw={700} size="lg">
                Takehome
              </Text>
            </Anchor>
            <Anchor component={Link} to="/status" size="sm">
              Status
            </Anchor>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
