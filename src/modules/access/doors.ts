import type { z } from "zod";
import { idSchema, isCleanText } from "@/lib/validation";
import type { Permission } from "./roles";

/**
 * What each entry point declares about itself. The wrappers attach it to the function they
 * return, so the access-matrix test can discover every door and knock on it.
 */
export type DoorSpec =
  | { kind: "org"; permission: Permission; input?: z.ZodType }
  | { kind: "user"; input?: z.ZodType }
  | { kind: "public"; input?: z.ZodType }
  // A live workshop's participant (a guest cookie or a member's own seat): src/modules/access/workshop.ts
  | { kind: "workshop"; input?: z.ZodType };

export const DOOR = Symbol.for("preflight.door");

export function markDoor<F extends object>(fn: F, spec: DoorSpec & { name: string }): F {
  return Object.assign(fn, { [DOOR]: spec });
}

export function doorOf(fn: unknown): (DoorSpec & { name: string }) | undefined {
  return typeof fn === "function" ? (fn as unknown as Record<symbol, DoorSpec & { name: string }>)[DOOR] : undefined;
}

/** Path ids other than the slug: one that no record can have (too long, control characters) is simply not found. */
export function idsAreWellFormed(params: object): boolean {
  return Object.entries(params).every(
    ([name, value]) => name === "org" || (idSchema.safeParse(value).success && isCleanText(String(value))),
  );
}
