import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { getSessionUser, ROLE_DESCRIPTIONS, roleLabel } from "@/modules/access";
import { InvitationSignUpForm } from "@/modules/auth/components/auth-forms";
import { describeInvitation } from "@/modules/orgs";
import { JoinInvitationButton, SwitchAccountButton } from "@/modules/orgs/components/accept-invitation";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/**
 * The page an invitation link opens. Opening it changes nothing (mail scanners fetch links): the
 * person joins with a button, signed in as the invited address, or by creating the account here.
 * Every link that cannot be used gets the same "not found" page (not-found.tsx), whatever the reason.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token);
  if (!invitation) notFound();
  const user = await getSessionUser();
  const { email, organizationName } = invitation;
  const signInHref = `/signin?${new URLSearchParams({ callbackUrl: `/invite/${token}`, email })}`;

  let action: React.ReactNode;
  if (user && user.email === email) {
    action = <JoinInvitationButton token={token} organizationName={organizationName} />;
  } else if (user) {
    action = (
      <div className="space-y-3">
        <Notice tone="warning" title="This invitation is for another address">
          <p className="[overflow-wrap:anywhere]">
            You are signed in as <strong>{user.email}</strong>, but the invitation is for <strong>{email}</strong>. Only
            that address can accept it.
          </p>
        </Notice>
        <SwitchAccountButton token={token} email={email} />
      </div>
    );
  } else if (invitation.account === "confirmed") {
    action = (
      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          There is a Preflight account for this address. Sign in with it to accept.
        </p>
        <ButtonLink href={signInHref} className="w-full">
          Sign in as {email}
        </ButtonLink>
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            Forgot password?
          </Link>
        </p>
      </div>
    );
  } else {
    action = (
      <div className="space-y-4">
        {invitation.account === "unconfirmed" && (
          <Notice tone="info" title="This address has an unconfirmed account">
            <p>
              Someone created a Preflight account with this address but never confirmed it. If that was you, sign in. If
              not, or if you forgot its password, choose a password below: the account becomes yours, and whoever
              created it is signed out and can no longer sign in.
            </p>
          </Notice>
        )}
        <InvitationSignUpForm token={token} email={email} takeOver={invitation.account === "unconfirmed"} />
        <p className="text-center text-sm text-slate-600">
          Already have an account with this address?{" "}
          <Link href={signInHref} className="font-semibold text-brand-700 hover:underline">
            Sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-bold [overflow-wrap:anywhere]">Join {organizationName} on Preflight</h1>
        <p className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere]">
          {invitation.inviterName ?? "An admin"} invited <strong>{email}</strong>.
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Organisation</dt>
        <dd className="font-medium [overflow-wrap:anywhere]">{organizationName}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd>
          <span className="font-medium">{roleLabel(invitation.role)}</span>
          <span className="block text-slate-600">{ROLE_DESCRIPTIONS[invitation.role]}</span>
        </dd>
        <dt className="text-slate-500">Link expires</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      {action}
    </div>
  );
}
