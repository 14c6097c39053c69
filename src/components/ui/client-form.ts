import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** The same zod schema the server uses, run in the browser for instant field errors. */
export function clientErrors(schema: z.ZodType, values: Record<string, unknown>): FieldErrors | null {
  const result = schema.safeParse(values);
  if (result.success) return null;
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "_form");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (!key.startsWith("$ACTION")) out[key] = String(value);
  }
  return out;
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLFormElement | null, errors: FieldErrors | null | undefined) {
  if (!form || !errors) return;
  const first = Object.keys(errors).find((k) => k !== "_form");
  if (first) (form.querySelector(`[name="${CSS.escape(first)}"]`) as HTMLElement | null)?.focus();
}
