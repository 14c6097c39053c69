import { cn } from "./cn";

/**
 * A labelled form control with its hint and error wired to it (aria-describedby,
 * aria-invalid), so screen readers announce the error with the field.
 */
interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string[] | string;
  required?: boolean;
  children: (aria: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid"?: boolean;
    "aria-required"?: boolean;
    className: string;
  }) => React.ReactNode;
}

export const controlClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const errors = typeof error === "string" ? [error] : (error ?? []);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-600">
            {" "}
            *
          </span>
        ) : (
          <span className="font-normal text-slate-500"> (optional)</span>
        )}
      </label>
      {children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": errors.length > 0 || undefined,
        "aria-required": required || undefined,
        className: controlClass,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className={cn("text-sm font-medium text-red-700")}>
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
