/**
 * Every figure the app shows is formatted here, so a date, an amount or a score reads the same
 * on every page, in the CSV and in reports. "—" stands for "not known", never for zero.
 */

// Formatters are built once and reused: building an Intl formatter costs far more than using one
// (a dashboard formats a few thousand figures; a new formatter per figure was a tenth of its
// rendering time).
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en");
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${currency}:${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: fractionDigits,
    });
    // Currencies are the organisations' few ISO codes; the bound only guards against surprises.
    if (moneyFormats.size > 200) moneyFormats.clear();
    moneyFormats.set(key, format);
  }
  return format;
}

export function formatMoney(value: number | null | undefined, currency: string, fractionDigits = 0): string {
  if (value == null) return "—";
  return moneyFormat(currency, fractionDigits).format(value);
}

export function formatCostPerOutcome(value: number | null, currency: string): string {
  if (value == null) return "—";
  return formatMoney(value, currency, value < 10 ? 2 : 0);
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? "—" : whole.format(value);
}

/** "3 Mar 2026" (UTC: a date means the same day wherever it is read). */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return DAY.format(new Date(value));
}

/** "2026-03" → "Mar 2026" (UTC), or "Mar 26" when `short`; anything else is returned as it is. */
export function formatMonth(month: string, short = false): string {
  const [year, m] = month.split("-").map(Number);
  if (!year || !m) return month;
  const name = MONTH.format(Date.UTC(year, m - 1, 1));
  return short ? `${name} ${String(year).slice(2)}` : `${name} ${year}`;
}

const DAY_AND_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "3 Mar 2026, 14:05 UTC": a moment (an expiry), read in any time zone, so the zone is named. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${DAY_AND_TIME.format(new Date(value))} UTC`;
}

export function toDateInput(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

export function daysSince(value: Date, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - value.getTime()) / 86_400_000));
}

/** One decimal at most, and no "-0" (the scoring module rounds the same way). */
function roundToTenth(n: number): number {
  const rounded = Math.round(n * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/** A 0–100 score for display (one decimal at most); a missing score is "Not scored", never 0. */
export function formatScore(score: number | null | undefined): string {
  return score == null ? "Not scored" : oneDecimal.format(roundToTenth(score));
}

/** A share 0–1 as a whole percentage, rounded to the nearest ("20%"): the dashboard's headline shares. */
export function formatShare(share: number | null | undefined): string {
  return share == null ? "—" : `${Math.round(share * 100)}%`;
}

/** Coverage 0–1 as a whole percentage, rounded down so that anything short of complete never shows 100%. */
export function formatCoverage(coverage: number | null | undefined): string {
  if (coverage == null) return "—";
  return `${Math.floor(coverage * 100 + 1e-9)}%`;
}

/** A change in points, signed: "+5.6", "−2", or "No change". */
export function formatChange(delta: number): string {
  const rounded = roundToTenth(delta);
  if (rounded === 0) return "No change";
  return `${rounded > 0 ? "+" : "−"}${oneDecimal.format(Math.abs(rounded))}`;
}

/** "1 pilot", "2 pilots", "1,200 pilots"; pass the plural when it is not singular + "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${whole.format(count)} ${count === 1 ? singular : pluralForm}`;
}
