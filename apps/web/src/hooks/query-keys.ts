import type { InvitationKind, PipelineQuery } from '@takehome/contracts';

/** The one query-key factory: every cached server resource is named here, so invalidation stays exact. */
export const queryKeys = {
  health: () => ['health'] as const,
  me: () => ['auth', 'me'] as const,
  // Set when a session ends under someone's feet, so the sign-in page can say why they are there.
  sessionEnded: () => ['auth', 'session-ended'] as const,
  setup: () => ['setup'] as const,
  accountLink: (token: string) => ['account-links', token] as const,
  members: () => ['members'] as const,
  privacySettings: () => ['organization', 'privacy'] as const,
  challenges: () => ['challenges'] as const,
  challengeVersion: (challengeId: string, versionId: string) => ['challenges', challengeId, 'versions', versionId] as const,
  suiteVerification: (challengeId: string, versionId: string) => ['challenges', challengeId, 'versions', versionId, 'suite-verification'] as const,
  run: (runId: string) => ['runs', runId] as const,
  // Everything about one assessment sits under ['assessments', id], so one invalidation refreshes its
  // header, pipeline, reports and analytics after any change (and the list's invitation count with 'assessments').
  assessments: () => ['assessments'] as const,
  assessment: (id: string) => ['assessments', id] as const,
  pipeline: (id: string, query: PipelineQuery) => ['assessments', id, 'invitations', query] as const,
  candidateReport: (id: string, invitationId: string) => ['assessments', id, 'report', invitationId] as const,
  pilotReport: (id: string) => ['assessments', id, 'pilot-report'] as const,
  analytics: (id: string, kind: InvitationKind) => ['assessments', id, 'analytics', kind] as const,
  audit: (filters: Record<string, string | undefined>) => ['audit', 'events', filters] as const,
  auditActors: () => ['audit', 'actors'] as const,
  // Reviews, all under 'reviews' so one invalidation refreshes every view of them.
  reviews: () => ['reviews'] as const,
  reviewQueue: () => ['reviews', 'queue'] as const,
  reviewWorkspace: (id: string) => ['reviews', 'workspace', id] as const,
  reviewPipeline: () => ['reviews', 'pipeline'] as const,
  reviewers: () => ['reviews', 'reviewers'] as const,
  reviewSettings: (assessmentId: string) => ['reviews', 'settings', assessmentId] as const,
  reviewAggregate: (id: string) => ['reviews', 'aggregate', id] as const,
  reviewAgreement: () => ['reviews', 'agreement'] as const,
  // Under 'reviews', so submitting a review (which freezes its comments) refreshes them too.
  reviewComments: (submissionId: string) => ['reviews', 'comments', submissionId] as const,
  reviewPlayback: (submissionId: string) => ['reviews', 'playback', submissionId] as const,
  reviewSimilarity: (submissionId: string) => ['reviews', 'similarity', submissionId] as const,
  similarityFlags: (threshold: number) => ['reviews', 'similarity-flags', threshold] as const,
  // The lead's home summarizes reviews, feedback and runs: every mutation that changes those invalidates it.
  leadHome: () => ['home', 'lead'] as const,
  webhooks: () => ['webhooks'] as const,
  apiKey: () => ['organization', 'api-key'] as const,
  webhookDeliveries: (endpointId: string) => ['webhooks', endpointId, 'deliveries'] as const,
  feedback: () => ['feedback'] as const,
  feedbackQueue: () => ['feedback', 'queue'] as const,
  feedbackComposer: (id: string) => ['feedback', 'composer', id] as const,
  // The candidate pages live outside the team app and never share its cache entries.
  candidate: () => ['candidate'] as const,
  candidateOverview: () => ['candidate', 'overview'] as const,
  candidateWorkspace: () => ['candidate', 'workspace'] as const,
  candidateFeedback: () => ['candidate', 'feedback'] as const,
  candidateRuns: () => ['candidate', 'runs'] as const,
  candidatePracticeAllowance: () => ['candidate', 'runs', 'allowance'] as const,
  candidateOwnTests: () => ['candidate', 'own-tests'] as const,
  candidateTestCode: () => ['candidate', 'test-code'] as const,
  candidateTerminal: () => ['candidate', 'terminal'] as const,
};
