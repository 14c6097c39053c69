import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { AppError, notFound, toPublicError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getSessionUser, resolveOrgContext, type OrgContext, type SessionUser } from "./context";
import { markDoor } from "./doors";
import { SLUG_PATTERN } from "./paths";
import { assertCan, type Permission } from "./roles";

type Result<T> = Promise<ActionState<T> | void>;

const signInFirst = () => new AppError("UNAUTHENTICATED", "Sign in to continue.");

/** Runs an action body; expected errors keep their message and field errors, redirects pass through. */
async function settle<T>(name: string, body: () => Result<T>): Promise<ActionState<T>> {
  try {
    return (await body()) ?? { ok: true };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    const e = toPublicError(error, `action ${name}`);
    return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  }
}

/** The organisation named by the caller's URL; never a cookie. Unknown and foreign slugs are alike. */
export function orgFromSlug(user: SessionUser, slug: unknown): OrgContext {
  const ctx = typeof slug === "string" && SLUG_PATTERN.test(slug) ? resolveOrgContext(user, slug) : null;
  if (!ctx) throw notFound("Organisation not found.");
  return ctx;
}

/**
 * The one wrapper for server actions inside an organisation. The page passes the slug from
 * its URL as the first argument; the wrapper authenticates (401), resolves the membership
 * (404 for a slug the user is not in), checks the permission (403), validates the input with
 * the schema (400 with field errors), then runs the body and maps its errors. The body gets
 * the input exactly as sent, once it is known to be valid: services parse it themselves.
 */
export function orgAction<S extends z.ZodType, T = undefined>(
  spec: { name: string; permission: Permission; input: S },
  body: (args: { ctx: OrgContext; input: z.input<S> }) => Result<T>,
) {
  // The input is whatever the network delivered: typed `unknown` until the schema has accepted it.
  const action = async (org: string, input: unknown): Promise<ActionState<T>> =>
    settle(spec.name, async () => {
      const user = await getSessionUser();
      if (!user) throw signInFirst();
      const ctx = orgFromSlug(user, org);
      assertCan(ctx, spec.permission);
      parseInput(spec.input, input);
      return body({ ctx, input: input as z.input<S> });
    });
  return markDoor(action, { kind: "org", ...spec });
}

/** For actions of a signed-in user outside any organisation (e.g. creating one). */
export function userAction<S extends z.ZodType, T = undefined>(
  spec: { name: string; input: S },
  body: (args: { user: SessionUser; input: z.input<S> }) => Result<T>,
) {
  const action = async (input: unknown): Promise<ActionState<T>> =>
    settle(spec.name, async () => {
      const user = await getSessionUser();
      if (!user) throw signInFirst();
      parseInput(spec.input, input);
      return body({ user, input: input as z.input<S> });
    });
  return markDoor(action, { kind: "user", ...spec });
}

/** For the few actions anyone may call (sign-up, spending a one-time link). */
export function publicAction<S extends z.ZodType, T = undefined>(
  spec: { name: string; input: S },
  body: (args: { input: z.input<S> }) => Result<T>,
) {
  const action = async (input: unknown): Promise<ActionState<T>> =>
    settle(spec.name, async () => {
      parseInput(spec.input, input);
      return body({ input: input as z.input<S> });
    });
  return markDoor(action, { kind: "public", ...spec });
}
