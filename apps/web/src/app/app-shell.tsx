import { AppShell, Anchor, Button, Container, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UserRole } from '@takehome/contracts';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ChangePasswordModal } from '../features/accounts/change-password-modal';
import { useSetupStatus } from '../hooks/use-accounts';
import { AUTHORING_ROLES, useLogout, useSession } from '../hooks/use-session';

interface NavItem {
  to: string;
  label: string;
  /** Who sees the link: undefined for everyone (signed in or not), [] for any team member. */
  roles?: UserRole[];
}

// One line per page in the header; a feature adds its own line here (settings pages in settingsItems).
const navItems: NavItem[] = [
  { to: '/challenges', label: 'Challenges', roles: AUTHORING_ROLES },
  { to: '/assessments', label: 'Assessments', roles: ['ADMIN', 'HIRING_LEAD'] },
  { to: '/review', label: 'Reviews', roles: [] },
  { to: '/review/assign', label: 'Assignments', roles: ['ADMIN', 'HIRING_LEAD'] },
  { to: '/review/feedback', label: 'Feedback', roles: ['ADMIN', 'HIRING_LEAD'] },
  { to: '/review/similarity', label: 'Similarity', roles: ['ADMIN', 'HIRING_LEAD'] },
  // Kept in the header: who did what is an admin's most frequent question (two clicks to any event).
  { to: '/settings/audit', label: 'Audit', roles: ['ADMIN'] },
];

// The organization's settings and the platform's state: one "Settings" menu, so the header fits on one line.
const settingsItems: NavItem[] = [
  // Webhooks and the API key: one entry, tabs on the page (integrations-tabs.tsx).
  { to: '/settings/webhooks', label: 'Integrations', roles: ['ADMIN', 'HIRING_LEAD'] },
  { to: '/settings/sso', label: 'Single sign-on', roles: ['ADMIN'] },
  { to: '/settings/members', label: 'Members', roles: ['ADMIN'] },
  { to: '/settings/privacy', label: "Candidates' data", roles: ['ADMIN'] },
  { to: '/status', label: 'Status', roles: ['ADMIN'] },
];

export function Layout() {
  const { data: user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const setup = useSetupStatus();
  const [changingPassword, changePassword] = useDisclosure(false);
  // A fresh installation has nobody to sign in as: every page leads to first-run set-up until it is done (the
  // status page too: it is for admins now, and /api/health still answers an operator's probe).
  if (setup.data?.needed && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  const installing = setup.data?.needed === true;
  const allowed = (item: NavItem) => !item.roles || (user && (item.roles.length === 0 || item.roles.includes(user.role)));
  const visible = installing ? [] : navItems.filter(allowed);
  const settings = installing ? [] : settingsItems.filter(allowed);
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
            <Group gap="md" component="nav" aria-label="Main">
              {visible.map((item) => (
                <Anchor key={item.to} component={Link} to={item.to} size="sm" underline="hover">
                  {item.label}
                </Anchor>
              ))}
              {settings.length > 0 && (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="subtle" size="compact-sm">
                      Settings
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {settings.map((item) => (
                      <Menu.Item key={item.to} component={Link} to={item.to}>
                        {item.label}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
              {user ? (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="subtle" size="compact-sm" aria-label={`Account: ${user.name}`}>
                      {user.name}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>
                      {user.organization.name} · {user.role.toLowerCase().replace('_', ' ')}
                    </Menu.Label>
                    <Menu.Item onClick={changePassword.open}>Change password</Menu.Item>
                    <Menu.Item onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login') })}>Sign out</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ) : installing ? null : (
                <Button component={Link} to="/login" variant="light" size="compact-sm">
                  Sign in
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <ChangePasswordModal opened={changingPassword} onClose={changePassword.close} />
      <AppShell.Main>
        <Container size="lg" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
