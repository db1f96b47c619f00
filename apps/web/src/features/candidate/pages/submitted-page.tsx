import { Alert, Anchor, Button, Card, Container, NumberInput, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CandidateOverview } from '@takehome/contracts';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/http';
import { useAnswerSurvey } from '../hooks/use-candidate';

function Survey() {
  const answer = useAnswerSurvey();
  const [minutes, setMinutes] = useState<number | string>('');
  const [difficulty, setDifficulty] = useState(0);
  const [clarity, setClarity] = useState(0);
  const [comments, setComments] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  // NumberInput reports a string while the text is not (yet) a plain number.
  const minutesSpent = Number(minutes);
  const complete = minutes !== '' && Number.isInteger(minutesSpent) && minutesSpent >= 0 && difficulty > 0 && clarity > 0;
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // Checked on submit rather than by disabling the button, so keyboard and screen-reader users hear why.
          const gaps = [!(minutes !== '' && Number.isInteger(minutesSpent) && minutesSpent >= 0) && 'minutes spent', !(difficulty > 0) && 'difficulty', !(clarity > 0) && 'clarity'].filter(Boolean);
          setMissing(gaps.length ? `Please answer: ${gaps.join(', ')}.` : null);
          if (complete) answer.mutate({ minutesSpent, difficulty, promptClarity: clarity, comments });
        }}
      >
        <Stack>
          <Title order={2} size="h4">A short survey (optional, once)</Title>
          <NumberInput label="Minutes you actually spent" min={0} max={1440} value={minutes} onChange={setMinutes} w={240} />
          <div>
            <Text size="sm" fw={500} id="difficulty-label">How difficult was it? (1 easy – 5 very hard)</Text>
            <Rating value={difficulty} onChange={setDifficulty} count={5} aria-labelledby="difficulty-label" />
          </div>
          <div>
            <Text size="sm" fw={500} id="clarity-label">How clear was the task? (1 unclear – 5 very clear)</Text>
            <Rating value={clarity} onChange={setClarity} count={5} aria-labelledby="clarity-label" />
          </div>
          <Textarea label="Anything else you want the team to know?" autosize minRows={3} maxLength={5000} value={comments} onChange={(e) => setComments(e.currentTarget.value)} />
          {answer.error && <Alert color="red" role="alert">{errorMessage(answer.error)}</Alert>}
          {missing && <Text c="red" size="sm" role="alert">{missing}</Text>}
          <Button type="submit" loading={answer.isPending} w="fit-content">Send answers</Button>
        </Stack>
      </form>
    </Card>
  );
}

/** The confirmation after submitting (by the candidate or by the clock), with the survey and the way to feedback. */
export function SubmittedPage({ overview }: { overview: CandidateOverview }) {
  const attempt = overview.attempt!;
  const at = attempt.submittedAt ? new Date(attempt.submittedAt).toLocaleString() : '';
  useDocumentTitle(`Submitted · ${overview.challenge.title} · Takehome`);
  // After Submit the workspace (and the button that had focus) is gone: focus goes to what replaced it, not the body.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Sending the survey removes the form (and its button): focus moves to the thanks that replaced it.
  const thanks = useRef<HTMLDivElement>(null);
  const answeredBefore = useRef(overview.surveyAnswered);
  useEffect(() => {
    if (overview.surveyAnswered && !answeredBefore.current) thanks.current?.focus();
    answeredBefore.current = overview.surveyAnswered;
  }, [overview.surveyAnswered]);
  return (
    <Container size="sm" py="md">
      <Stack>
        <Title order={1} ref={heading} tabIndex={-1}>{attempt.automatic ? 'Time is up: your work was submitted' : 'Your work is submitted'}</Title>
        <Alert color={attempt.automatic ? 'orange' : 'green'} role="status">
          {attempt.automatic
            ? `The time limit ended, so your last saved files were submitted automatically at ${at}. Nothing can be changed any more.`
            : `We received your files at ${at}. Nothing can be changed any more.`}
        </Alert>
        <Text>
          Next, the hidden tests run on your code and reviewers read it against the criteria you saw before starting. You will get written
          feedback on the{' '}
          <Anchor component={Link} to="/candidate/feedback">feedback page</Anchor> once the team releases it.
        </Text>
        {overview.surveyAnswered ? (
          <Alert ref={thanks} tabIndex={-1} color="blue" role="status">Thank you for answering the survey.</Alert>
        ) : (
          <Survey />
        )}
      </Stack>
    </Container>
  );
}
