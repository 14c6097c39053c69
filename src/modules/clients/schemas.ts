import { z } from "zod";
import { SLUG_PATTERN } from "@/modules/access/shared";

const CHOOSE_SOURCE = "Choose the organisation to copy from.";
const CHOOSE_VERSION = "Choose a framework version.";

/** Copy a framework version of one of your organisations into another (the action's organisation). */
export const copyFrameworkSchema = z.object({
  sourceOrganization: z.string({ error: CHOOSE_SOURCE }).regex(SLUG_PATTERN, CHOOSE_SOURCE),
  versionId: z.string({ error: CHOOSE_VERSION }).trim().min(1, CHOOSE_VERSION).max(64, CHOOSE_VERSION),
});
export type CopyFrameworkInput = z.infer<typeof copyFrameworkSchema>;
