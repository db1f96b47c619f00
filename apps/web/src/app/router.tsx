import { createBrowserRouter } from 'react-router';
import { StatusPage } from '../features/status/status-page';
import { HomePage } from '../features/home/home-page';
import { WebhooksPage } from '../features/integrations/webhooks-page';
import { ApiKeyPage } from '../features/integrations/api-key-page';
import { Layout } from './app-shell';
import { RequireTeam } from './require-team';
import { LoginPage } from '../features/auth/login-page';
import { ChallengeListPage } from '../features/challenges/challenge-list-page';
import { ChallengeVersionPage } from '../features/challenges/challenge-version-page';
import { AUTHORING_ROLES } from '../hooks/use-session';
import { ReviewQueuePage } from '../features/review/review-queue-page';
import { ReviewPage } from '../features/review/review-page';
import { ReviewAssignmentsPage } from '../features/review/review-assignments-page';
import { SimilarityFlagsPage } from '../features/review/similarity/similarity-flags-page';
import { SimilarityPairPage } from '../features/review/similarity/similarity-pair-page';
import { FeedbackQueuePage } from '../features/feedback/feedback-queue-page';
import { FeedbackPage } from '../features/feedback/feedback-page';
import { AssessmentListPage } from '../features/hiring/assessment-list-page';
import { AssessmentPage } from '../features/hiring/assessment-page';
import { CandidateReportPage } from '../features/hiring/report/candidate-report-page';
import { PrivacySettingsPage } from '../features/privacy/privacy-settings-page';
import { SsoSettingsPage } from '../features/sso/sso-settings-page';
import { SetupPage } from '../features/accounts/setup-page';
import { MembersPage } from '../features/accounts/members/members-page';
import { AcceptInvitationPage } from '../features/accounts/accept-invitation-page';
import { ForgotPasswordPage } from '../features/accounts/forgot-password-page';
import { ResetPasswordPage } from '../features/accounts/reset-password-page';
import { AuditPage } from '../features/audit/audit-page';

import { CandidateLayout } from '../features/candidate/pages/candidate-layout';
import { LinkPage } from '../features/candidate/pages/link-page';
import { CandidateHome } from '../features/candidate/pages/candidate-home';
import { FeedbackPage as CandidateFeedbackPage } from '../features/candidate/pages/feedback-page';
import { NotFoundPage, RouteErrorPage } from './not-found-page';

export const router = createBrowserRouter([
  // Candidates: their own minimal layout, no team shell and no sign-in (the invitation link is the credential).
  {
    element: <CandidateLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/a/:token', element: <LinkPage /> },
      { path: '/candidate', element: <CandidateHome /> },
      { path: '/candidate/feedback', element: <CandidateFeedbackPage /> },
    ],
  },
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <RequireTeam><HomePage /></RequireTeam> },
      // Infrastructure details are for whoever runs the installation, not for every visitor or team member.
      { path: '/status', element: <RequireTeam roles={['ADMIN']}><StatusPage /></RequireTeam> },
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/accept-invitation/:token', element: <AcceptInvitationPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      { path: '/settings/members', element: <RequireTeam roles={['ADMIN']}><MembersPage /></RequireTeam> },
      { path: '/challenges', element: <RequireTeam roles={AUTHORING_ROLES}><ChallengeListPage /></RequireTeam> },
      { path: '/challenges/:challengeId/versions/:versionId', element: <RequireTeam roles={AUTHORING_ROLES}><ChallengeVersionPage /></RequireTeam> },
      { path: '/review', element: <RequireTeam><ReviewQueuePage /></RequireTeam> },
      { path: '/review/assign', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><ReviewAssignmentsPage /></RequireTeam> },
      { path: '/review/feedback', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><FeedbackQueuePage /></RequireTeam> },
      { path: '/review/feedback/:submissionId', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><FeedbackPage /></RequireTeam> },
      { path: '/review/similarity', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><SimilarityFlagsPage /></RequireTeam> },
      { path: '/review/similarity/:submissionId', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><SimilarityPairPage /></RequireTeam> },
      { path: '/review/:submissionId', element: <RequireTeam><ReviewPage /></RequireTeam> },
      { path: '/assessments', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><AssessmentListPage /></RequireTeam> },
      { path: '/assessments/:id', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><AssessmentPage /></RequireTeam> },
      { path: '/settings/privacy', element: <RequireTeam roles={['ADMIN']}><PrivacySettingsPage /></RequireTeam> },
      { path: '/settings/audit', element: <RequireTeam roles={['ADMIN']}><AuditPage /></RequireTeam> },
      { path: '/assessments/:id/invitations/:invitationId', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><CandidateReportPage /></RequireTeam> },
      { path: '/settings/webhooks', element: <RequireTeam roles={['ADMIN', 'HIRING_LEAD']}><WebhooksPage /></RequireTeam> },
      { path: '/settings/api-key', element: <RequireTeam roles={['ADMIN']}><ApiKeyPage /></RequireTeam> },
      { path: '/settings/sso', element: <RequireTeam roles={['ADMIN']}><SsoSettingsPage /></RequireTeam> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
