// Every container, volume and network a run creates carries these, so leftovers from a crashed worker can
// be found and removed without touching anything else on the engine.
export const SANDBOX_LABEL = 'takehome.sandbox';
export const RUN_ID_LABEL = 'takehome.run-id';

export function runLabels(runId: string): Record<string, string> {
  return { [SANDBOX_LABEL]: '1', [RUN_ID_LABEL]: runId };
}
