import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { LineCommentView, ReviewWorkspace } from '@takehome/contracts';
import { useState } from 'react';
import { useLineCommentMutations, useLineComments } from './use-line-comments';

/**
 * The reviewer's own comments on lines of the submission (or of its diff against the starter). A comment can
 * cite a rubric criterion as evidence for the level picked there, and be shared with the candidate: only
 * shared ones can reach the released feedback. Private to the reviewer otherwise.
 */
export function LineCommentsPanel({ workspace }: { workspace: ReviewWorkspace }) {
  const comments = useLineComments(workspace.submissionId);
  const { create, update, remove } = useLineCommentMutations(workspace.submissionId);
  const final = workspace.myReview?.status === 'SUBMITTED';
  const [path, setPath] = useState(workspace.files[0]?.path ?? '');
  const [onDiff, setOnDiff] = useState(false);
  const [line, setLine] = useState<number | string>(1);
  const [body, setBody] = useState('');
  const [criterionId, setCriterionId] = useState<string | null>(null);
  const [share, setShare] = useState(false);
  const criterionTitle = (id: string | null) => workspace.rubric.find((c) => c.id === id)?.title;
  const criterionOptions = workspace.rubric.map((c) => ({ value: c.id, label: c.title }));
  const error = create.error ?? update.error ?? remove.error;

  const add = () =>
    create.mutate(
      { path, line: Number(line), onDiff, body, criterionId, shareWithCandidate: share },
      { onSuccess: () => setBody('') },
    );

  return (
    <Stack>
      {final ? (
        <Alert color="gray">Your review is submitted: its line comments are final.</Alert>
      ) : (
        <Card withBorder component="form" aria-label="New line comment" onSubmit={(e) => { e.preventDefault(); add(); }}>
          <Stack gap="xs">
            <Group grow align="flex-end">
              <Select label="File" data={workspace.files.map((f) => f.path)} value={path} onChange={(v) => setPath(v ?? '')} allowDeselect={false} />
              <NumberInput label="Line" min={1} value={line} onChange={setLine} />
            </Group>
            <SegmentedControl
              aria-label="Line of"
              value={onDiff ? 'diff' : 'file'}
              onChange={(v) => setOnDiff(v === 'diff')}
              data={[{ value: 'file', label: 'File line' }, { value: 'diff', label: 'Diff line' }]}
            />
            <Textarea label="Comment" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
            <Select label="Evidence for criterion" placeholder="None" clearable data={criterionOptions} value={criterionId} onChange={setCriterionId} />
            <Checkbox label="Share with the candidate in their feedback" checked={share} onChange={(e) => setShare(e.currentTarget.checked)} />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!body.trim() || !path}>Add comment</Button>
            </Group>
          </Stack>
        </Card>
      )}
      {error && <Alert color="red" role="alert">{error.message}</Alert>}
      <Title order={3} size="h5">My line comments</Title>
      {comments.data?.length === 0 && <Text c="dimmed" size="sm">No comments yet.</Text>}
      {comments.data?.map((c) => (
        <CommentCard key={c.id} comment={c} final={final} criterion={criterionTitle(c.criterionId)}
          onShare={(shareWithCandidate) => update.mutate({ id: c.id, body: { shareWithCandidate } })}
          onDelete={() => remove.mutate(c.id)} />
      ))}
    </Stack>
  );
}

function CommentCard({ comment: c, final, criterion, onShare, onDelete }: {
  comment: LineCommentView;
  final: boolean;
  criterion: string | undefined;
  onShare: (share: boolean) => void;
  onDelete: () => void;
}) {
  const where = `${c.path}:${c.line}${c.onDiff ? ' (diff)' : ''}`;
  return (
    <Card withBorder aria-label={`Comment on ${where}`}>
      <Group justify="space-between" gap="xs">
        <Text ff="monospace" size="sm">{where}</Text>
        <Group gap={4}>
          {criterion && <Badge variant="light">Evidence: {criterion}</Badge>}
          {c.shareWithCandidate && <Badge color="teal" variant="light">Shared with candidate</Badge>}
        </Group>
      </Group>
      <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</Text>
      {!final && (
        <Group mt="xs">
          <Checkbox size="xs" label="Share with the candidate" checked={c.shareWithCandidate} onChange={(e) => onShare(e.currentTarget.checked)} />
          <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete} aria-label={`Delete comment on ${where}`}>Delete</Button>
        </Group>
      )}
    </Card>
  );
}
