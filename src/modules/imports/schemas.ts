import { z } from "zod";
import { IMPORT_FIELDS, IMPORT_LIMITS } from "./fields";

/**
 * A column mapping as the browser sends it (a form field holding JSON): one entry per column,
 * the field it fills or null to ignore it. Each field may be chosen for one column only.
 */
export const columnMappingSchema = z
  .array(z.enum(IMPORT_FIELDS, { error: "Choose a field or “Ignore” for each column." }).nullable(), {
    error: "The column mapping must be a list.",
  })
  .max(IMPORT_LIMITS.columns, `A sheet can have at most ${IMPORT_LIMITS.columns} columns.`)
  .superRefine((mapping, ctx) => {
    const seen = new Set<string>();
    mapping.forEach((field, i) => {
      if (!field) return;
      if (seen.has(field)) ctx.addIssue({ code: "custom", path: [i], message: "Two columns fill the same field." });
      seen.add(field);
    });
  });
