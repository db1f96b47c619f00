import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import type { IssuedInvitationView } from '@takehome/contracts';
import { MAX_ACCOMMODATION_MINUTES } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { ValidationIssues } from '../../challenges/validation-issues';
import { useCreateInvitation } from '../hooks/use-pipeline';

/** One person at a time; the same form invites teammates during the pilot and candidates once live. */
export function InviteForm({ assessmentId, pilot, onIssued }: { assessmentId: string; pilot: boolean; onIssued: (issued: IssuedInvitationView) => void }) {
  const invite = useCreateInvitation(assessmentId);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [extra, setExtra] = useState<number | string>('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { name: name.trim(), email: email.trim(), ...(Number(extra) > 0 ? { accommodationMinutes: Number(extra) } : {}) },
      {
        onSuccess: (issued) => {
          setName('');
          setEmail('');
          setExtra('');
          onIssued(issued);
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label={pilot ? 'Invite a teammate' : 'Invite a candidate'} gap="sm">
      <Group grow align="flex-start">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      </Group>
      <Group align="flex-end">
        <NumberInput
          label="Accommodation (extra minutes)"
          description="Optional, added to the time limit"
          min={0}
          max={MAX_ACCOMMODATION_MINUTES}
          w={240}
          value={extra}
          onChange={setExtra}
        />
        <Button type="submit" loading={invite.isPending} disabled={!name.trim() || !email.trim()}>
          {pilot ? 'Invite teammate' : 'Invite candidate'}
        </Button>
      </Group>
      <ValidationIssues error={invite.error} title="Nobody was invited" />
    </Stack>
  );
}
