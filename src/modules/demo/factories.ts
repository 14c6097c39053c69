import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { signUp } from "@/modules/auth";
import type { Actor } from "@/modules/access/shared";
import type { PilotFormValues } from "@/modules/pilots/shared";
import { createPilot } from "@/modules/pilots";

/**
 * Small builders shared by the demo seed and the tests. They go through the real service
 * functions, so seeded and test data obey the same rules as data entered in the app.
 */
const unique = () => randomBytes(4).toString("hex");

export interface TestAccount extends Actor {
  email: string;
  password: string;
  organizationSlug: string;
}

export async function createAccount(
  overrides: { name?: string; email?: string; password?: string; organizationName?: string; verified?: boolean } = {},
): Promise<TestAccount> {
  const email = overrides.email ?? `user-${unique()}@example.com`;
  const password = overrides.password ?? "correct horse battery staple";
  const { userId, organizationId, organizationSlug } = await signUp({
    name: overrides.name ?? "Test User",
    email,
    password,
    organizationName: overrides.organizationName ?? `Org ${unique()}`,
  });
  // As if the confirmation link had been opened, unless the test is about unconfirmed accounts.
  if (overrides.verified !== false)
    await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  return { userId, organizationId, organizationSlug, role: "OWNER", email, password };
}

/**
 * A new account (no password, address confirmed) that is a member with `role` of the admin's
 * organisation, returned as an actor. Made directly, as if an invitation had been accepted
 * (tests of invitations themselves use the invitation service).
 */
export async function createMember(
  admin: Actor,
  role: Role,
  email = `member-${unique()}@example.com`,
): Promise<Actor & { email: string }> {
  const user = await db.user.create({
    data: {
      email,
      name: "Member",
      emailVerifiedAt: new Date(),
      memberships: { create: { organizationId: admin.organizationId, role } },
    },
    select: { id: true },
  });
  return { userId: user.id, organizationId: admin.organizationId, role, email };
}

export function pilotValues(overrides: Partial<PilotFormValues> = {}): PilotFormValues {
  return {
    name: `Invoice triage ${unique()}`,
    summary: "Routes incoming supplier invoices to the right approver",
    workflow: "Accounts payable clerks read each invoice and forward it by hand",
    targetOutcome: "Halve the time from invoice receipt to approval",
    businessUnit: "Finance",
    owningTeam: "Finance Automation",
    ownerName: "Dana Reyes",
    ownerEmail: "dana.reyes@example.com",
    executiveSponsor: "CFO",
    stage: "PILOT",
    startDate: "2026-03-01",
    targetProductionDate: "2026-12-01",
    monthlyRunCost: "4200",
    outcomesPerMonth: "12000",
    tags: "llm, finance",
    ...overrides,
  };
}

export async function createTestPilot(actor: Actor, overrides: Partial<PilotFormValues> = {}, now?: Date) {
  return createPilot(actor, pilotValues(overrides), { now });
}
