import { z } from "zod";
import { idSchema } from "@/lib/validation";

const level = z
  .number({ error: "Level must be 0, 1, 2 or 3." })
  .int("Level must be 0, 1, 2 or 3.")
  .min(0, "Level must be 0, 1, 2 or 3.")
  .max(3, "Level must be 0, 1, 2 or 3.");

/** A new workshop, as the facilitator sets it up. */
export const createWorkshopSchema = z.object({
  title: z.string().trim().min(1, "Give the workshop a title.").max(200, "Use at most 200 characters."),
  date: z.iso.date({ error: "Enter the date as YYYY-MM-DD." }),
  pilotIds: z
    .array(idSchema, { error: "Choose the pilots to cover." })
    .min(1, "Choose at least one pilot.")
    .max(20, "Cover at most 20 pilots in one workshop."),
  frameworkVersionId: idSchema,
  /** Criterion keys to cover; empty: all of them. */
  criterionKeys: z.array(z.string().trim().min(1).max(100), { error: "Choose criteria." }).max(500).default([]),
  anonymous: z.boolean({ error: "Say whether votes are anonymous." }).default(true),
});
export type CreateWorkshopInput = z.input<typeof createWorkshopSchema>;

export const workshopIdSchema = z.object({ workshopId: idSchema });

/** A participant's vote on the item on screen: a level, or null for "don't know". */
export const voteSchema = z.object({
  itemId: idSchema,
  level: level.nullable(),
  comment: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});
export type VoteInput = z.input<typeof voteSchema>;

/** A guest's display name when joining. */
export const joinSchema = z.object({
  displayName: z
    .string({ error: "Type your name." })
    .trim()
    .min(1, "Type your name.")
    .max(60, "Use at most 60 characters."),
});

/** The facilitator's moves: go to an item, reveal its votes, reopen voting, record the agreement. */
export const controlSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("goto"), position: z.number().int().min(0).max(100_000) }),
  z.object({ op: z.literal("reveal"), itemId: idSchema }),
  z.object({ op: z.literal("reopen"), itemId: idSchema }),
  z.object({
    op: z.literal("agree"),
    itemId: idSchema,
    level: level.nullable().default(null),
    notApplicable: z.boolean().default(false),
    naReason: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
    note: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
    verifyWithEvidence: z.boolean().default(false),
  }),
]);
export type ControlInput = z.input<typeof controlSchema>;
