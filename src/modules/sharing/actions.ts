"use server";

import { revalidatePath } from "next/cache";
import { orgAction, orgPath } from "@/modules/access";
import { createShareLinkSchema, revokeShareLinkSchema } from "./schemas";
import { createShareLink, revokeShareLink } from "./service";

export const createShareLinkAction = orgAction(
  { name: "createShareLink", permission: "share:manage", input: createShareLinkSchema },
  async ({ ctx, input }) => {
    const link = await createShareLink(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/settings/share-links"));
    return { ok: true, data: { path: link.path, expiresAt: link.expiresAt.toISOString() } };
  },
);

export const revokeShareLinkAction = orgAction(
  { name: "revokeShareLink", permission: "share:manage", input: revokeShareLinkSchema },
  async ({ ctx, input }) => {
    await revokeShareLink(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/settings/share-links"));
    return { ok: true, message: "Share link revoked. It no longer opens." };
  },
);
