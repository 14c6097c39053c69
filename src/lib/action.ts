import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { toPublicError } from "@/lib/errors";

/**
 * Runs a server action body and turns failures into ActionState: expected errors keep their
 * message and field errors; unexpected ones are logged and answered generically. Redirects
 * (from `redirect()`) pass through.
 */
export async function runAction<T>(
  name: string,
  body: () => Promise<ActionState<T> | void>,
  values?: Record<string, unknown>,
): Promise<ActionState<T>> {
  try {
    return (await body()) ?? { ok: true };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    const e = toPublicError(error, `action ${name}`);
    return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors, values };
  }
}
