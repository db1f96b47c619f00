import { Alert, Button, Card, Group, Input, Loader, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type AssessmentView, type InvitationKind, type IssuedInvitationView, type PipelineStage, pipelineStage } from '@takehome/contracts';
import { useState } from 'react';
import { pipelineExportUrl } from '../api/pipeline';
import { stageLabels } from '../format';
import { usePipeline } from '../hooks/use-pipeline';
import { CsvImportForm } from './csv-import-form';
import { InviteForm } from './invite-form';
import { IssuedLink } from './issued-link';
import { PipelineTable } from './pipeline-table';

const stageOptions = [{ value: '', label: 'All stages' }, ...pipelineStage.options.map((s) => ({ value: s, label: stageLabels[s] }))];

/** Invite, then follow every invitee from invitation to feedback; the filters also shape the CSV export. */
export function PipelineTab({ assessment }: { assessment: AssessmentView }) {
  const [stage, setStage] = useState<PipelineStage | ''>('');
  const [kind, setKind] = useState<InvitationKind | ''>('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = { ...(stage ? { stage } : {}), ...(kind ? { kind } : {}), ...(q ? { q } : {}) };
  const rows = usePipeline(assessment.id, query);
  const [issued, setIssued] = useState<{ view: IssuedInvitationView; action: 'invited' | 'resent' } | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const inviting = assessment.status === 'PILOT' || assessment.status === 'LIVE';
  const pilot = assessment.status === 'PILOT';

  return (
    <Stack gap="md">
      <Title order={2}>Pipeline</Title>
      {inviting ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb={4}>
              {pilot ? 'Invite a teammate to the pilot' : 'Invite a candidate'}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {pilot ? 'Teammates take it exactly as candidates will; their results become the baseline at launch.' : 'They get an email with a personal link.'}
            </Text>
            <InviteForm assessmentId={assessment.id} pilot={pilot} onIssued={(view) => setIssued({ view, action: 'invited' })} />
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb={4}>
              Import from a CSV
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              Good rows are invited; rows with problems are skipped and listed by line.
            </Text>
            <CsvImportForm assessmentId={assessment.id} />
          </Card>
        </SimpleGrid>
      ) : (
        <Alert color="gray">
          {assessment.status === 'DRAFT'
            ? 'A draft takes no invitations: start the pilot to invite teammates, or launch it to invite candidates.'
            : 'This assessment is closed: no new invitations.'}
        </Alert>
      )}
      {issued && <IssuedLink issued={issued.view} action={issued.action} onClose={() => setIssued(null)} />}
      {actionError && (
        <Alert color="red" withCloseButton closeButtonLabel="Dismiss" onClose={() => setActionError(null)} role="alert">
          {actionError.message}
        </Alert>
      )}
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select label="Stage" w={170} data={stageOptions} value={stage} onChange={(v) => setStage((v ?? '') as PipelineStage | '')} allowDeselect={false} />
          <Input.Wrapper label="Kind" labelElement="div" labelProps={{ id: 'pipeline-kind-label' }}>
            <SegmentedControl
              display="flex"
              aria-labelledby="pipeline-kind-label"
              value={kind}
              onChange={(v) => setKind(v as InvitationKind | '')}
              data={[
                { value: '', label: 'All' },
                { value: 'CANDIDATE', label: 'Candidates' },
                { value: 'PILOT', label: 'Pilot' },
              ]}
            />
          </Input.Wrapper>
          <TextInput label="Search" placeholder="Name or email" w={240} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </Group>
        <Button component="a" href={pipelineExportUrl(assessment.id, query)} download variant="default">
          Export CSV
        </Button>
      </Group>
      {rows.isPending && <Loader aria-label="Loading the pipeline" />}
      {rows.error && <Alert color="red" title="Could not load the pipeline">{rows.error.message}</Alert>}
      {rows.data?.length === 0 && <Text c="dimmed">{stage || kind || q ? 'Nobody matches these filters.' : 'Nobody has been invited yet.'}</Text>}
      {!!rows.data?.length && (
        <PipelineTable
          assessmentId={assessment.id}
          rows={rows.data}
          onIssued={(view) => setIssued({ view, action: 'resent' })}
          onError={setActionError}
        />
      )}
    </Stack>
  );
}
