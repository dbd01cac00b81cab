/** Budgets are whole yuan; both languages show them as CNY without decimals. */
export function formatYuan(amount: number | null | undefined, locale: string): string {
  if (amount === null || amount === undefined) return '';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(amount);
}
