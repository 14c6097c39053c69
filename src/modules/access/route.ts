import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { env } from "@/lib/env";
import { problem, readJson } from "@/lib/http";
import { isSameOrigin } from "@/lib/security-headers";
import { AppError, notFound, toPublicError } from "@/lib/errors";
import { idsAreWellFormed } from "./doors";
import { parseInput } from "@/lib/validation";
import { orgFromSlug } from "./action";
import { getSessionUser, type OrgContext } from "./context";
import { markDoor } from "./doors";
import { assertCan, type Permission } from "./roles";

type RouteContext<P> = { params: Promise<P> };

export function routeFailure(request: Request, error: unknown): Response {
  const path = new URL(request.url).pathname;
  return problem(toPublicError(error, `${request.method} ${path}`), path);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated writes (docs/decisions/0004): a POST, PUT, PATCH or
 * DELETE must carry an Origin header naming this app — its public URL, or the origin the
 * request was addressed to. Browsers always send Origin on such requests and a page cannot
 * forge it; a missing or foreign one is refused before the session is even read.
 */
export function assertSameOriginWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const allowed = [new URL(request.url).origin, ...(env.NEXTAUTH_URL ? [env.NEXTAUTH_URL] : [])];
  if (!isSameOrigin(request.headers.get("origin"), allowed))
    throw new AppError("FORBIDDEN", "This request did not come from Preflight's own pages (Origin header).");
}

/**
 * The one wrapper for JSON route handlers under /api/o/{org}: checks the Origin of writes (403),
 * authenticates from the session
 * cookie (401), resolves the membership from the slug in the path (404 for one the user is
 * not in), checks the permission (403), reads and validates the JSON body when the route
 * declares one (400 with field errors), and maps every error to problem+json.
 */
export function orgRoute<P extends { org: string } = { org: string }, S extends z.ZodType = z.ZodUnknown>(
  spec: { permission: Permission; body?: S },
  handler: (args: { request: Request; ctx: OrgContext; params: P; body: z.input<S> }) => Promise<Response | unknown>,
) {
  const route = async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      assertSameOriginWrite(request);
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      const params = await context.params;
      const ctx = orgFromSlug(user, params.org);
      assertCan(ctx, spec.permission);
      if (!idsAreWellFormed(params)) throw notFound();
      let body: unknown = undefined;
      if (spec.body) {
        body = await readJson(request);
        parseInput(spec.body, body);
      }
      const result = await handler({ request, ctx, params, body: body as z.input<S> });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return routeFailure(request, error);
    }
  };
  return markDoor(route, { kind: "org", name: "route", ...spec, input: spec.body });
}

/**
 * For the few routes anyone may call (the health check, a share link's files); errors still
 * answer problem+json. The handler gets the path parameters as Next passes them (unchecked).
 */
export function publicRoute<P extends object = Record<string, string | undefined>>(
  handler: (request: Request, context: { params: Promise<Partial<P>> }) => Promise<Response>,
) {
  const route = async (request: Request, context?: { params?: Promise<Partial<P>> }): Promise<Response> => {
    try {
      return await handler(request, { params: context?.params ?? Promise.resolve({}) });
    } catch (error) {
      return routeFailure(request, error);
    }
  };
  return markDoor(route, { kind: "public", name: "route" });
}
