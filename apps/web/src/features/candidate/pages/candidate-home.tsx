import { Center, Loader } from '@mantine/core';
import { errorCode, errorMessage } from '../../../api/http';
import { useOverview, useWorkspace } from '../hooks/use-candidate';
import { WorkspacePage } from '../workspace/workspace-page';
import { LandingPage } from './landing-page';
import { LinkProblem } from './link-problem';
import { SubmittedPage } from './submitted-page';

const loading = (label: string) => <Center py="xl"><Loader aria-label={label} /></Center>;

function Workspace() {
  const workspace = useWorkspace();
  if (workspace.isPending) return loading('Loading your workspace');
  if (workspace.error) return <LinkProblem code={errorCode(workspace.error)} message={errorMessage(workspace.error)} />;
  return <WorkspacePage workspace={workspace.data} />;
}

/** /candidate: the server's state of the attempt decides the page (landing, workspace, or submitted). */
export function CandidateHome() {
  const overview = useOverview();
  if (overview.isPending) return loading('Loading your assessment');
  if (overview.error) return <LinkProblem code={errorCode(overview.error)} message={errorMessage(overview.error)} />;
  const { attempt } = overview.data;
  if (!attempt) return <LandingPage overview={overview.data} />;
  if (attempt.status === 'IN_PROGRESS') return <Workspace />;
  return <SubmittedPage overview={overview.data} />;
}
