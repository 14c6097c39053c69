import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { Card } from "@/components/ui/card";
import { Toaster } from "@/components/ui/toast";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { orgPath, userPage } from "@/modules/access";
import {
  ChangePasswordForm,
  ResendVerificationButton,
  SignOutEverywhereButton,
} from "@/modules/auth/components/account-forms";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in person's own account, outside any organisation: password and sessions. */
export default async function AccountPage() {
  const user = await userPage();
  const back = user.memberships[0];
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <div className="flex items-center justify-between">
        <Link href={back ? orgPath(back.organizationSlug) : "/welcome"} aria-label="Back to Preflight">
          <Logo />
        </Link>
        <SignOutButton />
      </div>
      <h1 className="mt-8 text-2xl font-bold">Your account</h1>
      <p className="mt-1 text-sm text-slate-600">
        Signed in as {user.name} ({user.email}).
      </p>
      <Card className="mt-6 space-y-3 p-6">
        <h2 className="text-lg font-semibold">Email address</h2>
        {user.emailVerified ? (
          <p className="text-sm text-slate-600">{user.email} is confirmed.</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              {user.email} is not confirmed yet: open the link Preflight mailed you. Until then, an invitation mailed to
              this address lets whoever opens it take the account over.
            </p>
            <ResendVerificationButton />
          </>
        )}
      </Card>
      <Card className="mt-6 p-6">
        <ChangePasswordForm />
      </Card>
      <Card className="mt-6 space-y-3 p-6">
        <h2 className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm text-slate-600">
          Signed in on a shared or lost device? Sign out everywhere ends every session of your account at once, on every
          device, this one included.
        </p>
        <SignOutEverywhereButton />
      </Card>
      <Toaster />
    </main>
  );
}
