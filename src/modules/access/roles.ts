import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";

export const ROLES = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2, OWNER: 3 };

/** What each role may do. Roles are ordered: each one can do everything the one below can. */
export const PERMISSION_MIN_ROLE = {
  "org:read": "VIEWER",
  "pilot:write": "EDITOR",
  "assessment:write": "EDITOR",
  "member:manage": "ADMIN",
  "framework:manage": "ADMIN",
  "share:manage": "ADMIN",
  "org:manage": "OWNER",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSION_MIN_ROLE;

export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSION_MIN_ROLE[permission]];
}

export function roleLabel(role: Role): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Manages the organisation, its members and everything in it",
  ADMIN: "Manages members and frameworks; registers and assesses pilots",
  EDITOR: "Registers and assesses pilots",
  VIEWER: "Reads everything; changes nothing",
};

/** Who is acting, in which organisation: what every tenant-scoped service function takes first. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", "Your role in this organisation does not allow this.");
  }
}
