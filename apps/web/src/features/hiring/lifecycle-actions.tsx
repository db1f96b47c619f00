import { Button, Group, Text } from '@mantine/core';
import type { AssessmentStatus, AssessmentView } from '@takehome/contracts';
import { useState } from 'react';
import { canRequestTransition } from './api/assessments';
import { ConfirmModal } from './confirm-modal';
import { formatDate } from './format';
import { useTransitionAssessment } from './hooks/use-assessments';
import { usePilotReport } from './hooks/use-pilot-report';

/** The one next step of the lifecycle as the main button; the less common moves sit beside it, quieter. */
export function LifecycleActions({ assessment }: { assessment: AssessmentView }) {
  const transition = useTransitionAssessment(assessment.id);
  const [confirming, setConfirming] = useState<AssessmentStatus | null>(null);
  const go = (to: AssessmentStatus) => transition.mutate(to, { onSuccess: () => setConfirming(null) });
  const ask = (to: AssessmentStatus) => {
    transition.reset();
    setConfirming(to);
  };

  return (
    <Group gap="xs">
      {assessment.status === 'DRAFT' && (
        <>
          <Button variant="subtle" onClick={() => ask('LIVE')}>
            Launch without a pilot
          </Button>
          <Button color="violet" loading={transition.isPending && confirming === null} onClick={() => go('PILOT')}>
            Start pilot
          </Button>
        </>
      )}
      {assessment.status === 'PILOT' && (
        <>
          {canRequestTransition('DRAFT') && (
            <Button variant="subtle" loading={transition.isPending && confirming === null} onClick={() => go('DRAFT')}>
              Back to draft
            </Button>
          )}
          <Button color="green" onClick={() => ask('LIVE')}>
            Launch live
          </Button>
        </>
      )}
      {assessment.status === 'LIVE' && (
        <Button color="dark" variant="outline" onClick={() => ask('CLOSED')}>
          Close
        </Button>
      )}
      {assessment.status === 'CLOSED' && assessment.closedAt && (
        <Text size="sm" c="dimmed">
          Closed {formatDate(assessment.closedAt)}
        </Text>
      )}
      {transition.error && confirming === null && (
        <Text size="sm" c="red" role="alert">
          {transition.error.message}
        </Text>
      )}
      <ConfirmModal
        opened={confirming === 'LIVE'}
        title="Launch live?"
        confirmLabel="Launch live"
        color="green"
        loading={transition.isPending}
        error={transition.error}
        onConfirm={() => go('LIVE')}
        onClose={() => setConfirming(null)}
      >
        <LaunchExplanation assessment={assessment} />
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'CLOSED'}
        title="Close this assessment?"
        confirmLabel="Close assessment"
        color="dark"
        loading={transition.isPending}
        error={transition.error}
        onConfirm={() => go('CLOSED')}
        onClose={() => setConfirming(null)}
      >
        <Text size="sm">No new invitations can be sent once it is closed, and it cannot be reopened.</Text>
      </ConfirmModal>
    </Group>
  );
}

function LaunchExplanation({ assessment }: { assessment: AssessmentView }) {
  // Shares the report tab's cache, so the numbers here are the ones the lead just read.
  const report = usePilotReport(assessment.id, false);
  if (assessment.status === 'DRAFT') {
    return (
      <Text size="sm">
        There was no pilot, so candidate reports will have no baseline to compare with. Settings are frozen from now on and invitations go to
        candidates.
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">
        The pilot becomes the frozen baseline: every candidate's report compares their time, tests and rubric scores with it
        {report.data ? ` (${report.data.finished} of ${report.data.invited} pilot takers finished)` : ''}.
      </Text>
      <Text size="sm">The time limit, runtimes and challenge version can no longer change, and invitations from now on go to candidates.</Text>
    </>
  );
}
