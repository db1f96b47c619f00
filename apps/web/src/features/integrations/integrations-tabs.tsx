import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useSession } from '../../hooks/use-session';

/** Webhooks and the API key share one header entry; these tabs move between them (the key is admins' only). */
export function IntegrationsTabs({ current }: { current: 'webhooks' | 'api-key' }) {
  const navigate = useNavigate();
  const { data: user } = useSession();
  if (user?.role !== 'ADMIN') return null;
  return (
    <Tabs value={current} onChange={(value) => value && navigate(`/settings/${value}`)} aria-label="Integrations">
      <Tabs.List>
        <Tabs.Tab value="webhooks">Webhooks</Tabs.Tab>
        <Tabs.Tab value="api-key">API key</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
