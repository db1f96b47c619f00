import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha';

// The worked example of Krippendorff (2011), section C: 4 observers, 12 units, missing values.
// Published results: nominal 0.743, interval 0.849.
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].filter((v): v is number => v !== null));

describe(krippendorffAlpha.name, () => {
  it('matches the published interval alpha of the worked example', () => {
    expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
  });

  it('matches the published nominal alpha of the worked example', () => {
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
  });

  it('is 1 for perfect agreement and null without two overlapping ratings', () => {
    expect(krippendorffAlpha([[2, 2], [3, 3], [1, 1]])).toBe(1);
    expect(krippendorffAlpha([[2], [3]])).toBeNull();
  });

  it('drops below zero when raters systematically disagree', () => {
    expect(krippendorffAlpha([[1, 4], [4, 1], [1, 4]])!).toBeLessThan(0);
  });
});
