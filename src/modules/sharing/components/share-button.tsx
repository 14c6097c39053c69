"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import { useOrgSlug } from "@/modules/access/client";
import { createShareLinkAction } from "../actions";
import { SHARE_DEFAULT_DAYS, SHARE_MAX_DAYS } from "../limits";

type Target = { kind: "DASHBOARD"; filters: string } | { kind: "PILOT_REPORT"; pilotId: string };

/**
 * "Share…": a small dialog that creates a read-only link to this view (expiry in days, an
 * optional passcode) and shows the link once, with a Copy button. Admins only (the page decides).
 */
export function ShareButton({ target, what }: { target: Target; what: string }) {
  const org = useOrgSlug();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setErrors({});
      setMessage(null);
      setCopied(false);
    }
  };

  const submit = (form: FormData) =>
    start(async () => {
      const result = await createShareLinkAction(org, {
        ...target,
        expiresInDays: String(form.get("expiresInDays") ?? ""),
        passcode: String(form.get("passcode") ?? ""),
      });
      if (result && result.ok && result.data) {
        setCreated({
          url: new URL(result.data.path, window.location.origin).toString(),
          expiresAt: result.data.expiresAt,
        });
      } else if (result && !result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });

  return (
    <AlertDialog.Root open={open} onOpenChange={reset}>
      <AlertDialog.Trigger className={buttonClass("secondary", "print:hidden")}>Share…</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,30rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl ring-1 ring-slate-200 focus:outline-none">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">Share {what}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            A read-only link for someone without an account. It shows this view only, and you can revoke it at any time
            in Settings → Share links.
          </AlertDialog.Description>
          {created ? (
            <div className="mt-4 space-y-3">
              <label htmlFor="share-url" className="block text-sm font-medium text-slate-800">
                The link (shown only now: copy it)
              </label>
              <div className="flex gap-2">
                <input
                  id="share-url"
                  readOnly
                  value={created.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="block w-full min-w-0 rounded-md bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-inset ring-slate-300"
                />
                <button
                  type="button"
                  className={buttonClass("primary")}
                  onClick={async () => {
                    await navigator.clipboard?.writeText(created.url).catch(() => undefined);
                    setCopied(true);
                  }}
                >
                  Copy
                </button>
              </div>
              <p className="text-sm text-slate-600" role="status">
                {copied ? "Copied. " : ""}It works until {formatDate(created.expiresAt)}.
              </p>
              <div className="flex justify-end">
                <AlertDialog.Cancel className={buttonClass("secondary")}>Done</AlertDialog.Cancel>
              </div>
            </div>
          ) : (
            <form action={submit} className="mt-4 space-y-4" noValidate>
              <Field
                id="share-expires"
                label="Expires after (days)"
                hint={`Between 1 and ${SHARE_MAX_DAYS}.`}
                error={errors.expiresInDays}
                required
              >
                {(aria) => (
                  <input
                    {...aria}
                    name="expiresInDays"
                    type="number"
                    min={1}
                    max={SHARE_MAX_DAYS}
                    defaultValue={SHARE_DEFAULT_DAYS}
                  />
                )}
              </Field>
              <Field
                id="share-passcode"
                label="Passcode"
                hint="Send it separately from the link; at least 4 characters."
                error={errors.passcode}
              >
                {(aria) => <input {...aria} name="passcode" type="text" autoComplete="off" maxLength={100} />}
              </Field>
              {message && Object.keys(errors).length === 0 && (
                <p role="alert" className="text-sm text-red-700">
                  {message}
                </p>
              )}
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
                <button type="submit" className={buttonClass("primary")} disabled={pending}>
                  {pending ? "Creating…" : "Create link"}
                </button>
              </div>
            </form>
          )}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
