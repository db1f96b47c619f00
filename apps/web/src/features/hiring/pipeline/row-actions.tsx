import { ActionIcon, Button, Group, Menu, Modal, NumberInput, Stack, Text } from '@mantine/core';
import type { IssuedInvitationView, PipelineRow } from '@takehome/contracts';
import { MAX_ACCOMMODATION_MINUTES } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ValidationIssues } from '../../challenges/validation-issues';
import { ConfirmModal } from '../confirm-modal';
import { useEraseCandidate, useExtendInvitation, useResendInvitation, useRevokeInvitation } from '../hooks/use-pipeline';

// A submission is final: from then on the invitation has nothing left to send, extend or revoke.
const open = (row: PipelineRow) => row.stage === 'INVITED' || row.stage === 'STARTED' || row.stage === 'EXPIRED';

interface Props {
  assessmentId: string;
  row: PipelineRow;
  onIssued: (issued: IssuedInvitationView) => void;
  onError: (error: Error) => void;
}

export function RowActions({ assessmentId, row, onIssued, onError }: Props) {
  const navigate = useNavigate();
  const resend = useResendInvitation(assessmentId);
  const revoke = useRevokeInvitation(assessmentId);
  const erase = useEraseCandidate();
  const [dialog, setDialog] = useState<'extend' | 'revoke' | 'erase' | null>(null);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${row.name}`} loading={resend.isPending}>
            <span aria-hidden style={{ fontSize: 18, lineHeight: 1 }}>
              ⋯
            </span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => navigate(`/assessments/${assessmentId}/invitations/${row.invitationId}`)}>Report</Menu.Item>
          <Menu.Item disabled={!open(row)} onClick={() => resend.mutate(row.invitationId, { onSuccess: onIssued, onError })}>
            Resend
          </Menu.Item>
          <Menu.Item disabled={!open(row)} onClick={() => setDialog('extend')}>
            Extend
          </Menu.Item>
          <Menu.Item
            color="red"
            disabled={!open(row)}
            onClick={() => {
              revoke.reset();
              setDialog('revoke');
            }}
          >
            Revoke
          </Menu.Item>
          <Menu.Item
            color="red"
            onClick={() => {
              erase.reset();
              setDialog('erase');
            }}
          >
            Erase personal data
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ExtendModal assessmentId={assessmentId} row={row} opened={dialog === 'extend'} onClose={() => setDialog(null)} />
      <ConfirmModal
        opened={dialog === 'revoke'}
        title={`Revoke ${row.name}'s invitation?`}
        confirmLabel="Revoke invitation"
        color="red"
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoke.mutate(row.invitationId, { onSuccess: () => setDialog(null) })}
        onClose={() => setDialog(null)}
      >
        <Text size="sm">
          The link stops working{row.stage === 'STARTED' ? ' and the attempt under way is stopped' : ''}. This cannot be undone; to let{' '}
          {row.name} take it later, invite them again.
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'erase'}
        title={`Erase ${row.name}'s personal data?`}
        confirmLabel="Erase personal data"
        color="red"
        loading={erase.isPending}
        error={erase.error}
        onConfirm={() => erase.mutate(row.invitationId, { onSuccess: () => setDialog(null) })}
        onClose={() => setDialog(null)}
      >
        <Text size="sm">
          Their name and email, code, logs, survey comments, reviewers' comments, feedback text and the emails sent to them are deleted now, as on
          a request under data-protection law. Scores and times stay, without a name, for analytics. This cannot be undone.
        </Text>
      </ConfirmModal>
    </>
  );
}

function ExtendModal({ assessmentId, row, opened, onClose }: { assessmentId: string; row: PipelineRow; opened: boolean; onClose: () => void }) {
  const extend = useExtendInvitation(assessmentId);
  const [days, setDays] = useState<number | string>('');
  const [minutes, setMinutes] = useState<number | string>('');
  const body = { ...(Number(days) > 0 ? { days: Number(days) } : {}), ...(Number(minutes) > 0 ? { extraMinutes: Number(minutes) } : {}) };
  const close = () => {
    setDays('');
    setMinutes('');
    extend.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate({ invitationId: row.invitationId, body }, { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title={`Extend ${row.name}'s invitation`} centered>
      <Stack component="form" onSubmit={submit} aria-label="Extend invitation">
        <Text size="sm" c="dimmed">
          The link expires {new Date(row.expiresAt).toLocaleString()}.
          {row.stage === 'STARTED' && row.deadline ? ` The attempt under way ends ${new Date(row.deadline).toLocaleString()}; extra minutes move that too.` : ''}
        </Text>
        <NumberInput label="Days to add to the link's expiry" min={1} max={60} value={days} onChange={setDays} data-autofocus />
        <NumberInput label="Extra minutes to take it" min={1} max={MAX_ACCOMMODATION_MINUTES} value={minutes} onChange={setMinutes} />
        <ValidationIssues error={extend.error} title="Nothing was extended" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={extend.isPending} disabled={Object.keys(body).length === 0}>
            Extend
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
