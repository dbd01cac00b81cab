/**
 * 资金池 (docs/domain.md, "Fund pool" [S1], [S3]): a yearly pool allocated to projects and disbursed against each
 * allocation. Amounts are whole yuan, so every sum here is exact integer arithmetic.
 */

/** ¥6,730,000 */
export function formatYuan(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}¥${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

export interface AllocationInput {
  poolTotal: number;
  /** What the pool has already allocated to the other projects. */
  allocatedElsewhere: number;
  /** This project's allocation, as proposed. */
  allocation: number;
}

/** Why an allocation is refused, or undefined when the pool can carry it. */
export function allocationProblem(input: AllocationInput): string | undefined {
  const { poolTotal, allocatedElsewhere, allocation } = input;
  if (!Number.isInteger(allocation) || allocation < 0) return 'an allocation must be a whole number of yuan, 0 or more';
  const total = allocatedElsewhere + allocation;
  if (total > poolTotal) {
    const over = formatYuan(total - poolTotal);
    return `allocating ${formatYuan(allocation)} would bring the pool's allocations to ${formatYuan(total)}, ${over} over its total of ${formatYuan(poolTotal)}`;
  }
  return undefined;
}

export interface DisbursementInput {
  allocation: number;
  /** Disbursed so far. */
  disbursed: number;
  amount: number;
  /** An anomaly stops disbursement until it is cleared (docs/domain.md, "Fund pool" [S3]). */
  frozen: boolean;
}

/** Why a disbursement is refused, or undefined when it may be paid. */
export function disbursementProblem(input: DisbursementInput): string | undefined {
  const { allocation, disbursed, amount, frozen } = input;
  if (frozen) return 'disbursement is frozen until the anomaly is cleared';
  if (!Number.isInteger(amount) || amount <= 0) return 'a disbursement must be a whole number of yuan above 0';
  const excess = disbursed + amount - allocation;
  if (excess > 0) {
    const paying = `disbursing ${formatYuan(amount)} after ${formatYuan(disbursed)}`;
    return `${paying} would exceed the allocation of ${formatYuan(allocation)} by ${formatYuan(excess)}`;
  }
  return undefined;
}

export interface FundStanding {
  remaining: number;
  /** Rounded down, so 100 means all of it. */
  percentDisbursed: number;
}

/** Never negative and never above 100%, even if an allocation was later cut below what was already paid. */
export function fundStanding(input: { allocation: number; disbursed: number }): FundStanding {
  const { allocation, disbursed } = input;
  const remaining = Math.max(0, allocation - disbursed);
  if (allocation <= 0) return { remaining, percentDisbursed: disbursed > 0 ? 100 : 0 };
  return { remaining, percentDisbursed: Math.min(100, Math.max(0, Math.floor((disbursed * 100) / allocation))) };
}
