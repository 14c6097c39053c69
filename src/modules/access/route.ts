import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { problem, readJson } from "@/lib/http";
import { AppError, notFound, toPublicError } from "@/lib/errors";
import { idsAreWellFormed } from "./doors";
import { parseInput } from "@/lib/validation";
import { orgFromSlug } from "./action";
import { getSessionUser, type OrgContext } from "./context";
import { markDoor } from "./doors";
import { assertCan, type Permission } from "./roles";

type RouteContext<P> = { params: Promise<P> };

function failure(request: Request, error: unknown): Response {
  const path = new URL(request.url).pathname;
  return problem(toPublicError(error, `${request.method} ${path}`), path);
}

/**
 * The one wrapper for JSON route handlers under /api/o/{org}: authenticates from the session
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
      return failure(request, error);
    }
  };
  return markDoor(route, { kind: "org", name: "route", ...spec, input: spec.body });
}

/** For the few routes anyone may call (the health check); errors still answer problem+json. */
export function publicRoute(handler: (request: Request) => Promise<Response>) {
  const route = async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      return failure(request, error);
    }
  };
  return markDoor(route, { kind: "public", name: "route" });
}
