/**
 * Krippendorff's alpha for any number of raters with missing values (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). Written out here because it is twenty lines and the npm packages
 * for it are unmaintained. `units` holds each unit's values from whichever raters scored it; units with
 * fewer than two values carry no information about agreement and are skipped.
 */
export type AlphaMetric = 'interval' | 'nominal';

const distance: Record<AlphaMetric, (a: number, b: number) => number> = {
  interval: (a, b) => (a - b) ** 2,
  nominal: (a, b) => (a === b ? 0 : 1),
};

export function krippendorffAlpha(units: number[][], metric: AlphaMetric = 'interval'): number | null {
  const delta = distance[metric];
  const pairable = units.filter((values) => values.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;

  // Observed disagreement: within-unit pairs, each unit weighted by 1 / (m_u - 1).
  let observed = 0;
  for (const values of pairable) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (i !== j) sum += delta(values[i], values[j]);
    observed += sum / (values.length - 1);
  }
  observed /= n;

  // Expected disagreement: all pairs of pairable values, regardless of unit.
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(all[i], all[j]);
  expected /= n * (n - 1);

  // Every value identical: no variation to explain, agreement is perfect by definition.
  if (expected === 0) return 1;
  return 1 - observed / expected;
}
