"use client";

import { useState, useTransition } from "react";
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
  submit: (values: Record<string, string>, form: HTMLFormElement) => Promise<ActionState<unknown> | string | null>,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formValues(form);
    const invalid = clientErrors(schema, values);
    setErrors(invalid ?? {});
    setMessage(null);
    if (invalid) return focusFirstError(form, invalid);
    start(async () => {
      const outcome = await submit(values, form);
      if (typeof outcome === "string") setMessage(outcome);
      else if (outcome && !outcome.ok) {
        setErrors(outcome.fieldErrors ?? {});
        setMessage(outcome.message);
        focusFirstError(form, outcome.fieldErrors);
      }
    });
  }
  return { errors, message, pending, onSubmit };
}

export function FormMessage({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="assertive">
      {message && <Notice tone="error">{message}</Notice>}
    </div>
  );
}
