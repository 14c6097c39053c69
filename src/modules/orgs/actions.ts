"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/action";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getSignedInUser, requireContext, ACTIVE_ORG_COOKIE } from "./context";
import {
  addMember,
  changeMemberRole,
  createOrganization,
  removeMember,
  renameOrganization,
  type AddMemberResult,
} from "./service";

const COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365 };

export async function switchOrganizationAction(formData: FormData): Promise<void> {
  const user = await getSignedInUser();
  if (!user) redirect("/signin");
  const { organizationId } = parseInput(z.object({ organizationId: z.string().min(1) }), Object.fromEntries(formData));
  // Only an organisation the user belongs to can become active.
  if (!user.memberships.some((m) => m.organization.id === organizationId)) throw notFound("Organisation not found.");
  (await cookies()).set(ACTIVE_ORG_COOKIE, organizationId, COOKIE_OPTIONS);
  redirect("/dashboard");
}

export async function createOrganizationAction(input: Record<string, unknown>): Promise<ActionState> {
  return runAction("createOrganization", async () => {
    const user = await getSignedInUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const org = await createOrganization(user.id, input);
    (await cookies()).set(ACTIVE_ORG_COOKIE, org.id, COOKIE_OPTIONS);
    redirect("/dashboard");
  });
}

export async function addMemberAction(input: Record<string, unknown>): Promise<ActionState<AddMemberResult>> {
  return runAction("addMember", async () => {
    const ctx = await requireContext("member:manage");
    const data = await addMember(ctx, input);
    revalidatePath("/settings");
    return { ok: true, data };
  });
}

export async function changeMemberRoleAction(input: Record<string, unknown>): Promise<ActionState> {
  return runAction("changeMemberRole", async () => {
    const ctx = await requireContext("member:manage");
    await changeMemberRole(ctx, input);
    revalidatePath("/settings");
    return { ok: true, message: "Role updated." };
  });
}

export async function removeMemberAction(input: Record<string, unknown>): Promise<ActionState> {
  return runAction("removeMember", async () => {
    const ctx = await requireContext("member:manage");
    await removeMember(ctx, input);
    revalidatePath("/settings");
    return { ok: true, message: "Member removed." };
  });
}

export async function renameOrganizationAction(input: Record<string, unknown>): Promise<ActionState> {
  return runAction("renameOrganization", async () => {
    const ctx = await requireContext("org:manage");
    await renameOrganization(ctx, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Organisation renamed." };
  });
}
