/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, with no clock. */

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch at UTC midnight of an ISO date or date-time's day. */
export function dayValue(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** The ISO date `days` after `iso` (negative goes back). */
export function addDays(iso: string, days: number): string {
  return new Date(dayValue(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `months` calendar months after `iso`, clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayValue(b) - dayValue(a)) / DAY_MS);
}

/** Months from `a` to `b` as a decimal (30.4375 days a month). */
export function monthsBetween(a: string, b: string): number {
  return daysBetween(a, b) / 30.4375;
}

/** The year-month key (YYYY-MM) of a date. */
export function monthKey(iso: string): string {
  return iso.slice(0, 7);
}
