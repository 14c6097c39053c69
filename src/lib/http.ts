import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";

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
    {
      status: error.status,
      headers: {
        "content-type": "application/problem+json",
        // A rate limit says when to come back (RFC 9110 §10.2.3), in seconds.
        ...(typeof error.details?.retryAfter === "number" ? { "retry-after": String(error.details.retryAfter) } : {}),
      },
    },
  );
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}
