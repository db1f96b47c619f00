/** The one query-key factory: every cached server resource is named here, so invalidation stays exact. */
export const queryKeys = {
  health: () => ['health'] as const,
};
