"use client";

import { useTransition } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import { toast } from "@/components/ui/toast";
import { changePasswordAction, resendVerificationAction, signOutEverywhereAction } from "../actions";
import { PASSWORD_MIN_LENGTH } from "../password-rules";
import { changePasswordSchema } from "../schemas";

export function ChangePasswordForm() {
  const form = useValidatedForm(changePasswordSchema, async (values, element) => {
    const result = await changePasswordAction(values);
    if (!result?.ok) return result;
    element.reset();
    const ended = result.data?.endedSessions ?? 0;
    toast.success(
      ended > 0
        ? `Password changed. ${ended === 1 ? "Your other session was" : `Your ${ended} other sessions were`} signed out.`
        : "Password changed.",
    );
    return null;
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="text-lg font-semibold">
        Change password
      </h2>
      <FormMessage message={form.message} />
      <Field id="currentPassword" label="Current password" required error={form.errors.currentPassword}>
        {(a) => <input {...a} name="currentPassword" type="password" autoComplete="current-password" />}
      </Field>
      <Field
        id="password"
        label="New password"
        required
        error={form.errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Every other session is signed out.`}
      >
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" required error={form.errors.confirmPassword}>
        {(a) => <input {...a} name="confirmPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const [pending, start] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" disabled={pending}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      }
      title="Sign out everywhere?"
      description="Every browser signed in to your account, this one included, is signed out at once."
      confirmLabel="Sign out everywhere"
      onConfirm={() =>
        start(async () => {
          const result = await signOutEverywhereAction({ confirm: "everywhere" });
          if (!result?.ok) {
            toast.error(result?.message ?? "Could not sign out everywhere. Please try again.");
            return;
          }
          // The session is already over on the server; this clears the cookie in this browser.
          await signOut({ callbackUrl: "/signin" });
        })
      }
    />
  );
}

export function ResendVerificationButton() {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await resendVerificationAction({ confirm: "resend" });
          if (!result?.ok) toast.error(result?.message ?? "The mail could not be sent. Please try again.");
          else toast.success("Sent. Open the link in the mail within 24 hours; earlier links no longer work.");
        })
      }
    >
      {pending ? "Sending…" : "Send the confirmation mail again"}
    </Button>
  );
}
