import { z } from "zod";

export const evidenceSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "Enter a full web address starting with https://." }).max(2000),
  label: z.string().trim().min(1, "Give the link a label.").max(200, "Use at most 200 characters."),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** One answer, as the assessment page autosaves it. */
export const answerInputSchema = z
  .object({
    criterionKey: z.string().trim().min(1, "Name the criterion.").max(100),
    // The answer's version the writer last saw; 0 when there was no answer yet.
    expectedVersion: z.number({ error: "expectedVersion must be a number." }).int().min(0),
    level: z
      .number({ error: "Level must be 0, 1, 2 or 3." })
      .int("Level must be 0, 1, 2 or 3.")
      .min(0, "Level must be 0, 1, 2 or 3.")
      .max(3, "Level must be 0, 1, 2 or 3.")
      .nullable()
      .default(null),
    notApplicable: z.boolean().default(false),
    naReason: z.string().trim().max(1000, "Use at most 1000 characters.").nullish(),
    notes: z.string().max(5000, "Use at most 5000 characters.").default(""),
    evidence: z.array(evidenceSchema).max(20, "Use at most 20 evidence links.").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.notApplicable && !v.naReason) {
      ctx.addIssue({ code: "custom", path: ["naReason"], message: "Say why this criterion does not apply." });
    }
    if (v.notApplicable && v.level !== null) {
      ctx.addIssue({ code: "custom", path: ["level"], message: "A criterion marked not applicable has no level." });
    }
  });
export type AnswerInput = z.output<typeof answerInputSchema>;
