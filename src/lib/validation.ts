import { z } from "zod";
import { invalid } from "@/lib/errors";

/**
 * No text field in the app holds more than this many characters (the longest allow 5,000).
 * Longer text is refused whatever the schema says, so it never reaches a query.
 */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * C0 control characters and DEL, except tab, line feed and carriage return (text areas send
 * those), and lone UTF-16 surrogates (not text: PostgreSQL and JSON encoders reject them).
 */
const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text any field may hold: no control characters, no lone surrogates. */
export function isCleanText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

/**
 * A filter from a URL (search box, menu value): trimmed, capped, and dropped — like any other
 * value that cannot match — when it is unclean, so a bad link shows the unfiltered page.
 */
export const filterText = (max: number) =>
  z.string().trim().min(1).max(max).refine(isCleanText).optional().catch(undefined);

export const UNSAFE_TEXT_MESSAGES = {
  control: "Remove the control characters (such as NUL bytes) from this field.",
  tooLong: `Use at most ${MAX_TEXT_LENGTH.toLocaleString("en")} characters.`,
} as const;

/**
 * Field errors for text no field may hold, wherever it sits in the input: control characters
 * (PostgreSQL cannot store a NUL byte, so it would fail as a server error) and more than
 * MAX_TEXT_LENGTH characters. Nested values are reported under their top-level field.
 */
function unsafeText(input: unknown): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const seen = new WeakSet<object>();
  const visit = (value: unknown, field: string) => {
    if (typeof value === "string") {
      const message =
        value.length > MAX_TEXT_LENGTH
          ? UNSAFE_TEXT_MESSAGES.tooLong
          : CONTROL_CHARACTERS.test(value)
            ? UNSAFE_TEXT_MESSAGES.control
            : null;
      if (message && !errors[field]?.includes(message)) (errors[field] ??= []).push(message);
    } else if (value && typeof value === "object" && !seen.has(value)) {
      seen.add(value);
      for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item, field);
    }
  };
  if (input && typeof input === "object" && !Array.isArray(input)) {
    seen.add(input);
    for (const [key, value] of Object.entries(input)) visit(value, key);
  } else visit(input, "_form");
  return errors;
}

/**
 * Parses input with a zod schema; on failure throws an AppError naming each bad field. Text with
 * control characters or longer than MAX_TEXT_LENGTH is refused in any field, before it can reach
 * the database.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const unsafe = unsafeText(input);
  const result = schema.safeParse(input);
  if (result.success && Object.keys(unsafe).length === 0) return result.data;
  const flat = result.success ? { fieldErrors: {}, formErrors: [] as string[] } : z.flattenError(result.error);
  // The unsafe-text message replaces the schema's for the same field: it is the one to act on.
  const fieldErrors: Record<string, string[]> = { ...(flat.fieldErrors as Record<string, string[]>), ...unsafe };
  if (flat.formErrors.length > 0) fieldErrors._form = [...(unsafe._form ?? []), ...flat.formErrors];
  const fields = Object.keys(fieldErrors).filter((k) => k !== "_form");
  const message =
    fields.length > 0 ? `Please check: ${fields.join(", ")}.` : (fieldErrors._form?.[0] ?? "The input is not valid.");
  throw invalid(fieldErrors, message);
}

/** Form fields as a plain object; repeated names (checkboxes, tags) become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : value.name;
    const existing = out[key];
    if (existing === undefined) out[key] = text;
    else out[key] = Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return out;
}

/** A record id as it arrives from a form, a URL or a JSON body. */
export const idSchema = z.string({ error: "Give the id." }).trim().min(1, "Give the id.").max(64, "Not a valid id.");

/** An email address as people type it: trimmed and lower-cased before it is checked. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."));
