import { describe, expect, it } from 'vitest';
import { allocationProblem, disbursementProblem, formatYuan, fundStanding } from '../../domain/fundPool';

describe('yuan amounts', () => {
  it('are written with the yuan sign and thousands separators', () => {
    expect(formatYuan(6_730_000)).toBe('¥6,730,000');
    expect(formatYuan(999)).toBe('¥999');
    expect(formatYuan(0)).toBe('¥0');
  });
});

describe('allocating from the fund pool (docs/domain.md, "Fund pool" [S1], [S3])', () => {
  // [S1] (docs/domain.md, "Fund pool"): ¥6.73 M for 42 projects in 2025.
  const pool = { poolTotal: 6_730_000, allocatedElsewhere: 5_730_000 };

  it('may fill the pool exactly', () => {
    expect(allocationProblem({ ...pool, allocation: 1_000_000 })).toBeUndefined();
    expect(allocationProblem({ ...pool, allocation: 0 })).toBeUndefined();
  });

  it('refuses one yuan over the pool and names the amounts', () => {
    expect(allocationProblem({ ...pool, allocation: 1_000_001 })).toBe(
      "allocating ¥1,000,001 would bring the pool's allocations to ¥6,730,001, ¥1 over its total of ¥6,730,000",
    );
  });

  it('takes only whole yuan, 0 or more', () => {
    for (const allocation of [-1, 10.5]) {
      expect(allocationProblem({ ...pool, allocation })).toBe(
        'an allocation must be a whole number of yuan, 0 or more',
      );
    }
  });
});

describe('disbursing an allocation', () => {
  const project = { allocation: 200_000, disbursed: 150_000, frozen: false };

  it('may pay up to the allocation exactly', () => {
    expect(disbursementProblem({ ...project, amount: 50_000 })).toBeUndefined();
  });

  it('refuses one yuan over the allocation and says by how much', () => {
    expect(disbursementProblem({ ...project, amount: 50_001 })).toBe(
      'disbursing ¥50,001 after ¥150,000 would exceed the allocation of ¥200,000 by ¥1',
    );
  });

  it('takes only whole yuan above 0', () => {
    for (const amount of [0, -100, 0.5]) {
      expect(disbursementProblem({ ...project, amount })).toBe('a disbursement must be a whole number of yuan above 0');
    }
  });

  it('pays nothing while an anomaly has it frozen (docs/domain.md, "Fund pool" [S3])', () => {
    expect(disbursementProblem({ ...project, amount: 1, frozen: true })).toBe(
      'disbursement is frozen until the anomaly is cleared',
    );
    expect(disbursementProblem({ ...project, amount: 0, frozen: true })).toBe(
      'disbursement is frozen until the anomaly is cleared',
    );
  });
});

describe('where an allocation stands', () => {
  it('shows what remains and the share paid, rounded down so 100% means all of it', () => {
    expect(fundStanding({ allocation: 1000, disbursed: 0 })).toEqual({ remaining: 1000, percentDisbursed: 0 });
    expect(fundStanding({ allocation: 1000, disbursed: 999 })).toEqual({ remaining: 1, percentDisbursed: 99 });
    expect(fundStanding({ allocation: 1000, disbursed: 1000 })).toEqual({ remaining: 0, percentDisbursed: 100 });
  });

  it('is never negative nor above 100% when an allocation was cut below what was paid', () => {
    expect(fundStanding({ allocation: 800, disbursed: 1000 })).toEqual({ remaining: 0, percentDisbursed: 100 });
  });

  it('counts a nil allocation as nothing to pay', () => {
    expect(fundStanding({ allocation: 0, disbursed: 0 })).toEqual({ remaining: 0, percentDisbursed: 0 });
  });
});
