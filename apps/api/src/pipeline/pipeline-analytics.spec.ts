import { describe, expect, it } from 'vitest';
import { histogram, quantile } from './pipeline-analytics';

describe(quantile.name, () => {
  it('interpolates between ranks and is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([20, 10], 0.5)).toBe(15);
    expect(quantile([10, 20], 0.9)).toBe(19);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.1);
  });
});

describe(histogram.name, () => {
  it('puts each value in its half-open bucket, the top value in the last one, and clamps strays', () => {
    const buckets = histogram([0, 9.99, 10, 55, 100, 120, -3], 0, 100, 10, (from, to) => `${from}-${to}`);
    expect(buckets).toHaveLength(10);
    expect(buckets.map((b) => b.count)).toEqual([3, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(buckets[9]).toMatchObject({ label: '90-100', from: 90, to: 100 });
  });

  it('handles half-level rubric buckets', () => {
    expect(histogram([1, 1.5, 2.49, 2.5, 4], 1, 4, 0.5, String).map((b) => b.count)).toEqual([1, 1, 1, 1, 0, 1]);
  });
});
