import { z } from "zod";
import { invalid } from "@/lib/errors";

/** Parses input with a zod schema; on failure throws an AppError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const flat = z.flattenError(result.error);
  const fieldErrors: Record<string, string[]> = { ...(flat.fieldErrors as Record<string, string[]>) };
  if (flat.formErrors.length > 0) fieldErrors._form = flat.formErrors;
  const fields = Object.keys(fieldErrors).filter((k) => k !== "_form");
  const message =
    fields.length > 0 ? `Please check: ${fields.join(", ")}.` : (flat.formErrors[0] ?? "The input is not valid.");
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
