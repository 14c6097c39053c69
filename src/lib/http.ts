import "server-only";
import { NextResponse } from "next/server";
import { AppError, toPublicError } from "@/lib/errors";
import { requireContext, type OrgContext } from "@/modules/orgs/context";
import type { Permission } from "@/modules/orgs/roles";

/** An RFC 9457 problem document; field errors, when any, under `errors`. */
export function problem(error: AppError, instance?: string): NextResponse {
  return NextResponse.json(
    {
      type: "about:blank",
      title: error.code.toLowerCase().replace(/_/g, " "),
      status: error.status,
      detail: error.message,
      ...(instance ? { instance } : {}),
      ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
      ...error.details,
    },
    { status: error.status, headers: { "content-type": "application/problem+json" } },
  );
}

type Handler<P> = (args: { request: Request; ctx: OrgContext; params: P }) => Promise<Response | unknown>;

/**
 * The one wrapper for JSON route handlers: authenticates from the session cookie, checks the
 * membership and permission, runs the handler and maps every error to problem+json.
 */
export function withMember<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await requireContext(permission);
      const result = await handler({ request, ctx, params: await route.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return problem(
        toPublicError(error, `${request.method} ${new URL(request.url).pathname}`),
        new URL(request.url).pathname,
      );
    }
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}
