"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/card";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { orgPath } from "@/modules/access/shared";
import {
  requestPasswordResetAction,
  setPasswordAction,
  signUpAction,
  signUpWithInvitationAction,
  verifyEmailAction,
} from "../actions";
import { PASSWORD_MIN_LENGTH } from "../password-rules";
import {
  forgotPasswordSchema,
  invitationSignUpFormSchema,
  setPasswordFormSchema,
  signInSchema,
  signUpSchema,
  verifyEmailSchema,
} from "../schemas";

/** The page to open after sign-in: the callback only when it stays on this app (see safeRedirectPath). */
function safeCallback(raw: string | null): string {
  return safeRedirectPath(raw, window.location.origin, "/dashboard");
}

async function signInAndGo(
  email: string,
  password: string,
  router: ReturnType<typeof useRouter>,
  to: string,
): Promise<string | null> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (!result || result.error) return result?.error ?? "Sign-in failed. Please try again.";
  router.replace(to);
  router.refresh();
  return null;
}

const SSO_ERRORS: Record<string, string> = {
  SsoEmailNotVerified:
    "Your sign-on provider did not confirm your email address, so Preflight cannot sign you in with it.",
};

/** `sso`: the single sign-on provider's name when one is configured. */
export function SignInForm({ sso = null }: { sso?: string | null }) {
  const router = useRouter();
  const params = useSearchParams();
  const error = params.get("error");
  const ssoError = error ? (SSO_ERRORS[error] ?? "Single sign-on did not work. Please try again.") : null;
  const form = useValidatedForm(signInSchema, (v) =>
    signInAndGo(v.email!, v.password!, router, safeCallback(params.get("callbackUrl"))),
  );

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" aria-labelledby="signin-title">
      <h1 id="signin-title" className="text-xl font-bold">
        Sign in to Preflight
      </h1>
      {params.get("passwordSet") && <Notice tone="success">Your password is set. Sign in with it now.</Notice>}
      {ssoError && <Notice tone="error">{ssoError}</Notice>}
      <FormMessage message={form.message} />
      <Field id="email" label="Email" required error={form.errors.email}>
        {(a) => (
          <input {...a} name="email" type="email" autoComplete="email" defaultValue={params.get("email") ?? ""} />
        )}
      </Field>
      <Field id="password" label="Password" required error={form.errors.password}>
        {(a) => <input {...a} name="password" type="password" autoComplete="current-password" />}
      </Field>
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Signing in…" : "Sign in"}
      </Button>
      {sso && (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => void signIn("oidc", { callbackUrl: safeCallback(params.get("callbackUrl")) })}
        >
          Continue with {sso}
        </Button>
      )}
      <p className="text-center text-sm text-slate-600">
        New to Preflight?{" "}
        <Link href="/signup" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm() {
  const router = useRouter();
  const form = useValidatedForm(signUpSchema, async (v) => {
    const result = await signUpAction(v);
    if (!result?.ok) return result;
    const { organizationSlug, verificationSent } = result.data!;
    const to = orgPath(organizationSlug);
    return signInAndGo(v.email!, v.password!, router, verificationSent ? to : `${to}?toast=verification-not-sent`);
  });

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" aria-labelledby="signup-title">
      <div>
        <h1 id="signup-title" className="text-xl font-bold">
          Create your Preflight account
        </h1>
        <p className="mt-1 text-sm text-slate-600">You will own a new organisation and can add your team to it.</p>
      </div>
      <FormMessage message={form.message} />
      <Field id="name" label="Your name" required error={form.errors.name}>
        {(a) => <input {...a} name="name" autoComplete="name" />}
      </Field>
      <Field id="email" label="Work email" required error={form.errors.email}>
        {(a) => <input {...a} name="email" type="email" autoComplete="email" />}
      </Field>
      <Field
        id="password"
        label="Password"
        required
        error={form.errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}
      >
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Field
        id="organizationName"
        label="Organisation name"
        required
        error={form.errors.organizationName}
        hint="Your company or your client; you can add more later."
      >
        {(a) => <input {...a} name="organizationName" autoComplete="organization" />}
      </Field>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

/**
 * Creating the account on an invitation's page: the address is the invitation's (shown, not
 * typed). Then it signs in and opens the organisation it joined. `takeOver`: an account nobody
 * confirmed has this address; choosing a password here makes it this person's.
 */
export function InvitationSignUpForm({
  token,
  email,
  takeOver = false,
}: {
  token: string;
  email: string;
  takeOver?: boolean;
}) {
  const router = useRouter();
  const form = useValidatedForm(invitationSignUpFormSchema, async (v) => {
    const result = await signUpWithInvitationAction({ ...v, token });
    if (!result?.ok) return result;
    const to = orgPath(result.data!.organizationSlug);
    const error = await signInAndGo(email, v.password!, router, to);
    if (error) router.push(`/signin?${new URLSearchParams({ email, callbackUrl: to })}`);
    return null;
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" aria-labelledby="invitation-signup-title">
      <h2 id="invitation-signup-title" className="text-base font-semibold">
        {takeOver ? "Make the account yours" : "Create your account"}
      </h2>
      <FormMessage message={form.message} />
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Email</p>
        <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{email}</p>
      </div>
      <Field id="name" label="Your name" required error={form.errors.name}>
        {(a) => <input {...a} name="name" autoComplete="name" />}
      </Field>
      <Field
        id="password"
        label="Password"
        required
        error={form.errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}
      >
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Joining…" : takeOver ? "Set password and join" : "Create account and join"}
      </Button>
    </form>
  );
}

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const form = useValidatedForm(setPasswordFormSchema, async (v) => {
    const result = await setPasswordAction({ ...v, token });
    if (result && !result.ok) return result;
    const error = await signInAndGo(email, v.password!, router, "/dashboard");
    if (error) router.push(`/signin?passwordSet=1&email=${encodeURIComponent(email)}`);
    return null;
  });

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5">
      <FormMessage message={form.message} />
      <Field
        id="password"
        label="New password"
        required
        error={form.errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      >
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirmPassword" label="Repeat the password" required error={form.errors.confirmPassword}>
        {(a) => <input {...a} name="confirmPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useValidatedForm(forgotPasswordSchema, async (v) => {
    const result = await requestPasswordResetAction(v);
    if (!result?.ok) return result;
    setSentTo(v.email!);
    return null;
  });
  if (sentTo) {
    return (
      <div className="space-y-3" role="status">
        <h1 className="text-xl font-bold">Check your mail</h1>
        <p className="text-sm text-slate-600">
          If there is a Preflight account for <strong>{sentTo}</strong>, we have sent it a link to choose a new
          password. The link works once, for 1 hour. Nothing arrived? Check the spam folder, or ask again in a few
          minutes.
        </p>
        <Link href="/signin" className="text-sm font-semibold text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" aria-labelledby="forgot-title">
      <div>
        <h1 id="forgot-title" className="text-xl font-bold">
          Forgot your password?
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Enter your account&apos;s email address and we will mail you a link to choose a new one. Choosing it signs out
          every session of the account.
        </p>
      </div>
      <FormMessage message={form.message} />
      <Field id="email" label="Email" required error={form.errors.email}>
        {(a) => <input {...a} name="email" type="email" autoComplete="email" />}
      </Field>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        <Link href="/signin" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}

export function VerifyEmailForm({ token, email }: { token: string; email: string }) {
  const [done, setDone] = useState(false);
  const form = useValidatedForm(verifyEmailSchema, async () => {
    const result = await verifyEmailAction({ token });
    if (!result?.ok) return result;
    setDone(true);
    return null;
  });
  if (done) {
    return (
      <div className="space-y-3" role="status">
        <h1 className="text-xl font-bold">Your email address is confirmed</h1>
        <p className="text-sm text-slate-600">
          <strong>{email}</strong> is confirmed: the account is yours, and only you can accept invitations to it.
        </p>
        <Link href="/" className="text-sm font-semibold text-brand-700 hover:underline">
          Continue to Preflight
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-5" aria-labelledby="verify-title">
      <input type="hidden" name="token" value={token} />
      <div>
        <h1 id="verify-title" className="text-xl font-bold">
          Confirm your email address
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Confirm that <strong>{email}</strong> is yours. This link works once.
        </p>
      </div>
      <FormMessage message={form.message} />
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Confirming…" : "Confirm my email address"}
      </Button>
    </form>
  );
}
