/** The one query-key factory: every cached server resource is named here, so invalidation stays exact. */
export const queryKeys = {
  health: () => ['health'] as const,
  me: () => ['auth', 'me'] as const,
  challenges: () => ['challenges'] as const,
  challengeVersion: (challengeId: string, versionId: string) => ['challenges', challengeId, 'versions', versionId] as const,
  run: (runId: string) => ['runs', runId] as const,
};
