import { Code, Stack, Text } from '@mantine/core';
import { EMPTY_SERVICE_LOG, inServiceOrder, type ServiceLog, serviceLogTitle } from '@takehome/contracts';

/**
 * One collapsible "Service logs" block per sidecar (PostgreSQL, Redis) of a run: what the database said when a
 * query failed or it would not start. Nothing at all for runs without sidecars. `open` unfolds them (a failed run).
 */
export function ServiceLogs({ logs, open = false, maxChars = 8000 }: { logs: ServiceLog[] | undefined; open?: boolean; maxChars?: number }) {
  if (!logs?.length) return null;
  return (
    <Stack gap={4} role="group" aria-label="Service logs">
      {inServiceOrder(logs).map((l) => {
        const label = serviceLogTitle(l.name);
        return (
          <details key={l.name} open={open}>
            <summary>{label}</summary>
            {l.log.trim() ? (
              <Code block tabIndex={0} aria-label={label} fz="xs" style={{ maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {l.log.slice(-maxChars)}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">{EMPTY_SERVICE_LOG}</Text>
            )}
          </details>
        );
      })}
    </Stack>
  );
}
