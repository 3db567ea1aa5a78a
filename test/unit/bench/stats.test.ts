/** The statistics the benchmarks share. */
import { describe, expect, it } from 'vitest';
import { median } from '../../../bench/stats.js';

describe('median', () => {
  it('takes the middle value, the mean of the two middle ones for an even count, and NaN for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
