import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ErasureResult } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useSession } from '../../../hooks/use-session';
import { formatDate } from '../format';
import { useEraseCandidate } from '../hooks/use-pipeline';

const ERASERS = ['ADMIN', 'HIRING_LEAD'];

/**
 * Erasure on a candidate's request, from their report. It cannot be undone, so the lead types the name shown on
 * the report to confirm: a click alone is too easy to make on the wrong candidate.
 */
export function EraseCandidate({ invitationId, name, erasedAt }: { invitationId: string; name: string; erasedAt: string | null }) {
  const session = useSession();
  const erase = useEraseCandidate();
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<ErasureResult | null>(null);
  // Erased earlier (another visit, or by retention): nothing is left to erase, and the header says when.
  if (!session.data || !ERASERS.includes(session.data.role) || (erasedAt && !result)) return null;

  const matches = typed.trim() === name.trim();
  const close = () => {
    setOpened(false);
    setTyped('');
    erase.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    erase.mutate(invitationId, {
      onSuccess: (erased) => {
        setResult(erased);
        close();
      },
    });
  };

  return (
    <Card withBorder style={{ borderColor: 'var(--mantine-color-red-4)' }} aria-labelledby="erase-title">
      <Title order={2} size="h4" mb="xs" id="erase-title">
        Erase personal data
      </Title>
      {result && (
        <Alert color="teal" role="status" title="Personal data erased" mb="sm">
          Erased {formatDate(result.erasedAt)}: name, email, code, logs and texts are gone; {result.auditEventsErased} audit event
          {result.auditEventsErased === 1 ? '' : 's'} scrubbed and {result.mailsRemoved} stored email{result.mailsRemoved === 1 ? '' : 's'} removed. Scores and times
          stay, without a name.
        </Alert>
      )}
      {!result && (
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed">
            On the candidate's request: deletes their name and email, code, logs, survey comments, reviewers' comments, feedback text and the emails
            sent to them. This cannot be undone.
          </Text>
          <Button color="red" variant="outline" onClick={() => setOpened(true)} style={{ flexShrink: 0 }}>
            Erase personal data…
          </Button>
        </Group>
      )}
      <Modal opened={opened} onClose={close} title={`Erase ${name}'s personal data?`} centered>
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">
              Everything that identifies this candidate is deleted now, as on a request under data-protection law. Scores and times stay, without a
              name, for analytics and the pilot baseline. <b>This cannot be undone.</b>
            </Text>
            <TextInput
              label={`Type ${name} to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
            />
            {erase.error && (
              <Alert color="red" role="alert">
                {erase.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" disabled={!matches} loading={erase.isPending}>
                Erase personal data
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
