/** Display helpers for pilot figures; "—" stands for "not known", never for zero. */
export function formatMoney(value: number | null | undefined, currency: string, fractionDigits = 0): string {
  if (value == null) return "—";
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatCostPerOutcome(value: number | null, currency: string): string {
  if (value == null) return "—";
  return formatMoney(value, currency, value < 10 ? 2 : 0);
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? "—" : new Intl.NumberFormat("en").format(value);
}

export function formatDate(value: Date | null | undefined): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    value,
  );
}

export function toDateInput(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

export function daysSince(value: Date, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - value.getTime()) / 86_400_000));
}
