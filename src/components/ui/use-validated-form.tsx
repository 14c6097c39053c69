"use client";

import { useRef, useState, useTransition } from "react";
import type { z } from "zod";
import { Notice } from "@/components/ui/card";
import { clientErrors, focusFirstError, formValues } from "@/components/ui/client-form";
import type { ActionState } from "@/lib/action-state";
import type { FieldErrors } from "@/lib/errors";

/**
 * Shared behaviour of the app's forms: validate in the browser with the server's
 * schema, then run `submit`; show field errors and a form-level message, focus the first error.
 */
export function useValidatedForm(
  schema: z.ZodType,
  submit: (values: Record<string, string>) => Promise<ActionState<unknown> | string | null>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const invalid = clientErrors(schema, values);
    setErrors(invalid ?? {});
    setMessage(null);
    if (invalid) return focusFirstError(formRef.current, invalid);
    start(async () => {
      const outcome = await submit(values);
      if (typeof outcome === "string") setMessage(outcome);
      else if (outcome && !outcome.ok) {
        setErrors(outcome.fieldErrors ?? {});
        setMessage(outcome.message);
        focusFirstError(formRef.current, outcome.fieldErrors);
      }
    });
  }
  return { formRef, errors, message, pending, onSubmit };
}

export function FormMessage({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="assertive">
      {message && <Notice tone="error">{message}</Notice>}
    </div>
  );
}
