import { Alert, Anchor, Card, Center, Container, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { errorCode, errorMessage } from '../../../api/http';
import { SharedLineComments } from '../../review/comments/shared-line-comments';
import { useFeedback } from '../hooks/use-candidate';
import { LinkProblem } from './link-problem';

/** Released feedback: the lead's words, per-criterion comments, and test counts (hidden tests never by name). */
export function FeedbackPage() {
  const feedback = useFeedback();
  useDocumentTitle('Your feedback · Takehome');
  if (feedback.isPending) return <Center py="xl"><Loader aria-label="Loading feedback" /></Center>;
  if (feedback.error) return <LinkProblem code={errorCode(feedback.error)} message={errorMessage(feedback.error)} />;
  const f = feedback.data;
  return (
    <Container size="sm" py="md">
      <Stack>
        <Title order={1}>Your feedback</Title>
        {!f.released ? (
          <Alert color="blue" role="status">The team has not released feedback yet. Come back to this page later; you will also get an email.</Alert>
        ) : (
          <>
            <Text c="dimmed" size="sm">Released {new Date(f.releasedAt).toLocaleDateString()}</Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{f.body}</Text>
            {f.criteria.map((c) => (
              <Card withBorder key={c.title}>
                <Title order={2} size="h5">{c.title}</Title>
                <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.comment}</Text>
              </Card>
            ))}
            <SharedLineComments heading="Comments on your code" comments={f.lineComments} />
            {f.tests && (
              <Card withBorder aria-label="Test summary">
                <Title order={2} size="h5">Tests</Title>
                <Text mt={4}>Visible tests: {f.tests.visible.passed} of {f.tests.visible.total} passed.</Text>
                {/* Released feedback names the visible tests and those the challenge reveals once results are out. */}
                <List size="sm" mt={4} aria-label="Tests by name">
                  {f.tests.visible.names.map((t) => (
                    <List.Item key={t.name}>{`${t.passed ? 'Passed' : 'Failed'}: ${t.name}`}</List.Item>
                  ))}
                </List>
                <Text mt={4}>Hidden tests: {f.tests.hidden.passed} of {f.tests.hidden.total} passed.</Text>
                <Text size="sm" c="dimmed">Hidden tests stay undisclosed so the assessment stays fair for the next candidates.</Text>
              </Card>
            )}
          </>
        )}
        <Text size="sm">
          <Anchor href="/api/candidate/data-export" download="takehome-my-data.json">Download everything held about you</Anchor>{' '}
          (a JSON file: your details, your code, your runs, your survey answers and the feedback released to you).
        </Text>
        <Anchor component={Link} to="/candidate">Back</Anchor>
      </Stack>
    </Container>
  );
}
