/** The few statistics the reports share; everything is rounded to two decimals for display and storage. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

export function meanOf(values: number[]): number | null {
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

/** Linear interpolation between closest ranks, rounded to two decimals; null for an empty list. */
export function quantile(values: number[], q: number): number | null {
  return quantileOfSorted([...values].sort((a, b) => a - b), q);
}

/** Median and quartiles by linear interpolation; nulls for an empty list. */
export function spreadOf(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => quantileOfSorted(sorted, q);
  return { count: sorted.length, median: at(0.5), min: at(0), max: at(1), p25: at(0.25), p75: at(0.75) };
}

function quantileOfSorted(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return round2(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo));
}
