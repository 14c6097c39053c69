import type { Metadata } from "next";
import Link from "next/link";
import { describeEmailVerificationToken } from "@/modules/auth";
import { VerifyEmailForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

/**
 * Opening the mailed link shows a button rather than confirming at once: mail scanners that
 * fetch every link must not spend it (a GET changes nothing).
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeEmailVerificationToken(token);
  if (!link) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-bold">This link no longer works</h1>
        <p className="text-sm text-slate-600">
          It is invalid, has expired, was replaced by a newer one, or was already used. Sign in and send a new one from
          your Account page.
        </p>
        <Link href="/account" className="text-sm font-semibold text-brand-700 hover:underline">
          Go to your account
        </Link>
      </div>
    );
  }
  return <VerifyEmailForm token={token} email={link.email} />;
}
