"use server";

import { notFound } from "@/lib/errors";
import { orgAction } from "@/modules/access";
import { copyVersionIntoOrganization } from "@/modules/frameworks";
import { copyFrameworkSchema } from "./schemas";

/**
 * Copies a published framework version from another of the person's organisations into this one
 * (the organisation in the call), as a new draft. The source must be one of the caller's own
 * memberships: the door resolved them all from the session, so a foreign slug is simply absent.
 */
export const copyFrameworkVersionAction = orgAction(
  { name: "copyFrameworkVersion", permission: "framework:manage", input: copyFrameworkSchema },
  async ({ ctx, input }) => {
    const source = ctx.memberships.find((m) => m.organizationSlug === input.sourceOrganization);
    if (!source) throw notFound("Organisation not found.");
    const draft = await copyVersionIntoOrganization(
      ctx,
      { userId: ctx.userId, organizationId: source.organizationId, role: source.role },
      input.versionId,
    );
    return { ok: true, data: draft };
  },
);
