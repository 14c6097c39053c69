import type { Metadata } from "next";
import Link from "next/link";
import { describeSetPasswordToken } from "@/modules/auth";
import { SetPasswordForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await describeSetPasswordToken(token);
  if (!account) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-bold">This link no longer works</h1>
        <p className="text-sm text-slate-600">
          It is invalid, has expired, or was already used. Ask for a new one with{" "}
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            Forgot password?
          </Link>
          .
        </p>
        <Link href="/signin" className="text-sm font-semibold text-brand-700 hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-bold">Welcome, {account.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Choose a password for <strong>{account.email}</strong>. This link works once.
        </p>
      </div>
      <SetPasswordForm token={token} email={account.email} />
    </div>
  );
}
