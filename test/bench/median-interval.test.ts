import { medianInterval } from '../../bench/synth-process';

describe('medianInterval', () => {
  test('takes the k-th smallest and largest values, k from the binomial tail', () => {
    // GIVEN nine values out of order
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5];
    // WHEN
    const interval = medianInterval(values);
    // THEN P(B(9, 1/2) <= 1) = 10/512 is within 5%, P(B <= 2) = 46/512 is not: k = 2
    expect(interval).toEqual({ low: 2, high: 8, confidence: 1 - (2 * 10) / 512 });
  });

  test('widens to the whole range, and says so, when there are too few values', () => {
    expect(medianInterval([3, 1, 2])).toEqual({ low: 1, high: 3, confidence: 0.75 });
    expect(medianInterval([])).toEqual({ low: NaN, high: NaN, confidence: 0 });
  });

  test('narrows in rank as the number of values grows, keeping at least the confidence asked', () => {
    for (const n of [9, 11, 21, 41, 101]) {
      const values = Array.from({ length: n }, (_, i) => i + 1);
      const { low, high, confidence } = medianInterval(values, 0.9);
      expect(confidence).toBeGreaterThanOrEqual(0.9);
      expect(high - low).toBeLessThan(n - 1);
      expect(low + high).toBe(n + 1); // symmetric ranks
    }
    expect(medianInterval(Array.from({ length: 41 }, (_, i) => i + 1))).toMatchObject({ low: 15, high: 27 });
  });

  test('covers the true median in about the stated share of random samples', () => {
    // GIVEN samples of 15 from a skewed distribution whose median is known (exponential: ln 2)
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed + 0.5) / 2147483648;
    };
    const trials = 2000;
    let covered = 0;
    let stated = 0;
    // WHEN
    for (let t = 0; t < trials; t++) {
      const sample = Array.from({ length: 15 }, () => -Math.log(1 - random()));
      const interval = medianInterval(sample, 0.9);
      stated = interval.confidence;
      if (interval.low <= Math.LN2 && Math.LN2 <= interval.high) covered++;
    }
    // THEN (the stated coverage is 96.5% for 15 values)
    expect(covered / trials).toBeGreaterThan(stated - 0.02);
    expect(covered / trials).toBeLessThan(Math.min(1, stated + 0.02));
  });
});
