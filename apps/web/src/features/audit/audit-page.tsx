import { Alert, Button, Chip, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_FILTER_KEYS, type AuditFilterValues, auditExportUrl } from './api/audit';
import { actionOptions, QUICK_ACTIONS } from './audit-labels';
import { AuditTable } from './audit-table';
import { useAuditActors, useAuditEvents } from './hooks/use-audit';

/**
 * The admin's audit trail. Every filter lives in the URL, so a filtered view is a link to share, and the
 * export downloads exactly what is on screen (and every older page).
 */
export function AuditPage() {
  useDocumentTitle('Audit trail · Takehome');
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = Object.fromEntries(AUDIT_FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const setFilter = (key: (typeof AUDIT_FILTER_KEYS)[number], value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Typing a name filters after a pause, without a history entry per keystroke.
  const [candidate, setCandidate] = useState(filters.candidate ?? '');
  const [debounced] = useDebouncedValue(candidate.trim(), 300);
  useEffect(() => {
    if (debounced !== (params.get('candidate') ?? '')) setFilter('candidate', debounced || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  // Back, forward or "Clear filters" change the URL: the box follows, unless it already says the same.
  const urlCandidate = params.get('candidate') ?? '';
  useEffect(() => {
    setCandidate((typed) => (typed.trim() === urlCandidate ? typed : urlCandidate));
  }, [urlCandidate]);

  const events = useAuditEvents(filters);
  const actors = useAuditActors();
  const shown = events.data?.pages.flatMap((p) => p.events) ?? [];
  const filtered = AUDIT_FILTER_KEYS.some((key) => filters[key]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Audit trail</Title>
          <Text c="dimmed" size="sm">
            Who did what, about whom, when and from where: sign-ins, identity views, exports, reviews, feedback and settings.
          </Text>
        </div>
        <Button component="a" href={auditExportUrl(filters)} download variant="default">
          Export CSV
        </Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput label="Candidate" placeholder="Name or email" w={220} value={candidate} onChange={(e) => setCandidate(e.currentTarget.value)} />
        <Select
          label="Action"
          placeholder="All actions"
          w={250}
          searchable
          clearable
          data={actionOptions(filters.action)}
          value={filters.action ?? null}
          onChange={(value) => setFilter('action', value)}
        />
        <Select
          label="Actor"
          placeholder="Anyone"
          w={200}
          searchable
          clearable
          data={(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={filters.actorId ?? null}
          onChange={(value) => setFilter('actorId', value)}
        />
        <TextInput label="From" type="date" w={150} value={filters.from ?? ''} onChange={(e) => setFilter('from', e.currentTarget.value || null)} />
        <TextInput label="To" type="date" w={150} value={filters.to ?? ''} onChange={(e) => setFilter('to', e.currentTarget.value || null)} />
      </Group>

      <Group justify="space-between">
        <Group gap="xs" role="group" aria-label="Quick filters">
          {QUICK_ACTIONS.map((quick) => (
            <Chip key={quick.value} checked={filters.action === quick.value} onChange={(on) => setFilter('action', on ? quick.value : null)} size="sm">
              {quick.label}
            </Chip>
          ))}
        </Group>
        {filtered && (
          <Button variant="subtle" size="compact-sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </Button>
        )}
      </Group>

      {events.isPending && <Loader aria-label="Loading the audit trail" />}
      {events.error && (
        <Alert color="red" title="Could not load the audit trail" role="alert">
          {events.error.message}
        </Alert>
      )}
      {events.data && shown.length === 0 && <Text c="dimmed">{filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}</Text>}
      {shown.length > 0 && <AuditTable events={shown} />}
      {events.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
            Load older events
          </Button>
        </Group>
      )}
    </Stack>
  );
}
