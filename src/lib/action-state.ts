import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** What a server action returns to the form that called it. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> }
  | null;
