import { z } from "zod";

/**
 * Inputs of the framework editor. The same schemas validate in the browser (field errors as
 * you type) and on the server. Form fields arrive as strings, so numbers and the gate
 * checkbox are coerced here; tests and API callers may pass real numbers and booleans.
 */

export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 5;

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Use at most ${max} characters.`);

/** "" and undefined become NaN, so a missing number reads as "must be a whole number", not "expected number". */
const wholeNumber = (message: string, min: number, max: number) =>
  z.preprocess(
    (v) =>
      typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v.trim())) : v === undefined ? Number.NaN : v,
    z.number({ error: message }).refine((n) => Number.isInteger(n) && n >= min && n <= max, message),
  );

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Lower-case letters, digits and single hyphens, e.g. `model-card`. */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turns "Model card (v2)" into "model-card-v2"; the result is then checked against KEBAB. */
function toKebab(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const keySuffix = (what: string) =>
  z.preprocess(
    toKebab,
    z
      .string({ error: `Enter a key for the ${what}.` })
      .min(1, {
        error: `Enter a key for the ${what}, using letters, digits and hyphens (e.g. model-card).`,
        abort: true,
      })
      .max(60, "Use at most 60 characters.")
      .regex(KEBAB, "Use lower-case letters, digits and hyphens only (e.g. model-card)."),
  );

export const thresholdsSchema = z
  .object({
    readyThreshold: wholeNumber("The ready threshold must be a whole number from 1 to 100.", 1, 100),
    conditionalThreshold: wholeNumber("The conditional threshold must be a whole number from 1 to 100.", 1, 100),
  })
  .superRefine((v, ctx) => {
    if (v.readyThreshold <= v.conditionalThreshold) {
      ctx.addIssue({
        code: "custom",
        path: ["readyThreshold"],
        message: "The ready threshold must be higher than the conditional threshold.",
      });
    }
  });
export type ThresholdsInput = z.output<typeof thresholdsSchema>;

export const pillarSchema = z.object({
  title: text("a title for the pillar", 80),
  description: text("a description of the pillar", 1000),
});
export type PillarInput = z.output<typeof pillarSchema>;

export const addPillarSchema = pillarSchema.extend({ key: keySuffix("pillar") });
export type AddPillarInput = z.output<typeof addPillarSchema>;

export const LEVEL_FIELDS = ["level0", "level1", "level2", "level3"] as const;

const levelText = (level: number) => text(`a description of level ${level}`, 1000);

/**
 * A criterion's editable content. Level descriptions come as `level0`…`level3` (one form field
 * each, so each gets its own error); `levels: [..4]` is accepted too and spread into them.
 */
const criterionFields = z.object({
  title: text("a title", 160),
  whyItMatters: text("why it matters", 2000),
  guidance: text("guidance for assessors", 2000),
  level0: levelText(0),
  level1: levelText(1),
  level2: levelText(2),
  level3: levelText(3),
  weight: wholeNumber(`The weight must be a whole number from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`, MIN_WEIGHT, MAX_WEIGHT),
  isGate: checkbox,
  targetLevel: wholeNumber("The target level must be 1, 2 or 3.", 1, 3),
  remediation: text("a remediation hint", 2000),
});

function spreadLevels(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  const value = input as Record<string, unknown>;
  if (!Array.isArray(value.levels)) return input;
  const { levels, ...rest } = value;
  return { ...Object.fromEntries(LEVEL_FIELDS.map((f, i) => [f, (levels as unknown[])[i]])), ...rest };
}

function withLevels<T extends z.output<typeof criterionFields>>(v: T) {
  const { level0, level1, level2, level3, ...rest } = v;
  return { ...rest, levels: [level0, level1, level2, level3] as [string, string, string, string] };
}

/** For the browser: the flat form fields, exactly as the inputs are named. */
export const criterionFormSchema = criterionFields;
export const addCriterionFormSchema = criterionFields.extend({ keySuffix: keySuffix("criterion") });

export const criterionSchema = z.preprocess(spreadLevels, criterionFields).transform(withLevels);
export type CriterionInput = z.output<typeof criterionSchema>;

export const addCriterionSchema = z.preprocess(spreadLevels, addCriterionFormSchema).transform(withLevels);
export type AddCriterionInput = z.output<typeof addCriterionSchema>;
