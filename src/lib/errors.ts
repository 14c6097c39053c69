/**
 * One error type for expected failures. Its code decides the HTTP status; its message is
 * safe to show. Anything that is not an AppError is unexpected: logged, answered generically.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Extra facts for the client, e.g. the current value behind a conflict. Must be safe to show. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, fieldErrors?: FieldErrors, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    // A bad request always says what is wrong: under `_form` when no one field is to blame.
    this.fieldErrors = fieldErrors ?? (code === "BAD_REQUEST" ? { _form: [message] } : undefined);
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("NOT_FOUND", what);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("FORBIDDEN", message);
export const invalid = (fieldErrors: FieldErrors, message = "Some fields need attention.") =>
  new AppError("BAD_REQUEST", message, fieldErrors);
export const conflict = (message: string) => new AppError("CONFLICT", message);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * PostgreSQL's answer to text it cannot store: a NUL byte in text (22021) or in JSON (22P05).
 * Input validation refuses such text first (parseInput); this catches any that arrives another
 * way (a path segment, a query parameter) so the caller gets a 400 rather than a 500.
 */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

function isUnstorableText(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, meta } = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: Record<string, unknown> } };
  };
  const cause = meta?.driverAdapterError?.cause;
  return [code, cause?.originalCode, cause?.code].some((c) => typeof c === "string" && UNSTORABLE_TEXT.has(c));
}

/** Logs an unexpected error with its detail and returns the generic one users see. */
export function toPublicError(error: unknown, context: string): AppError {
  if (isAppError(error)) return error;
  if (isUnstorableText(error)) {
    return new AppError("BAD_REQUEST", "The request contains characters that cannot be stored, such as NUL bytes.");
  }
  console.error(`[preflight] unexpected error in ${context}:`, error);
  return new AppError("INTERNAL", "Something went wrong on our side. Please try again.");
}
