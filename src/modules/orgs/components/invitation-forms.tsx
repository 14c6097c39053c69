"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, controlClass } from "@/components/ui/field";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import { ROLE_DESCRIPTIONS, ROLES, roleLabel } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";
import { inviteMemberAction, resendInvitationAction, revokeInvitationAction } from "../actions";
import { inviteMemberSchema } from "../schemas";

/** What an invitation or a resend answered: the same whether or not the address has an account. */
interface Sent {
  email: string;
  sent: boolean;
  link: string | null;
}

/**
 * Without a mail server the invitation only reaches the outbox, so the admin hands the link over:
 * a read-only field (select it and copy by hand) and a button that copies it.
 */
export function InvitationLink({ email, link, id }: { email: string; link: string; id: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="mt-2 space-y-2">
      <p>
        No mail server is configured, so no mail left Preflight. Give {email} this link yourself (it works once, for 7
        days, and only for that address):
      </p>
      <div className="flex min-w-0 flex-col gap-2 sm:flex-row">
        <label htmlFor={id} className="sr-only">
          Invitation link for {email}
        </label>
        <input
          id={id}
          readOnly
          value={link}
          className={`${controlClass} min-w-0 flex-1 font-mono text-xs`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            navigator.clipboard
              .writeText(link)
              .then(() => setCopied("yes"))
              .catch(() => setCopied("failed"))
          }
        >
          Copy link
        </Button>
      </div>
      <p role="status" className="text-xs">
        {copied === "yes" && "Copied."}
        {copied === "failed" && "This browser did not allow copying: select the link in the field and copy it."}
      </p>
    </div>
  );
}

function SentNotice({ result, what, linkId }: { result: Sent; what: string; linkId: string }) {
  if (!result.sent) {
    return (
      <Notice tone="warning" title={`The ${what} to ${result.email} is saved, but the mail could not be sent.`}>
        <p>Try “Resend” in the list of pending invitations in a few minutes.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="success" title={`${what.charAt(0).toUpperCase()}${what.slice(1)} sent to ${result.email}.`}>
      <p>They join once they open the link and accept it, signed in as that address or creating its account.</p>
      {result.link && <InvitationLink email={result.email} link={result.link} id={linkId} />}
    </Notice>
  );
}

/** Invites an address with a role; nobody joins until they accept the mailed link. */
export function InviteMemberForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const router = useRouter();
  const org = useOrgSlug();
  const [result, setResult] = useState<Sent | null>(null);
  const form = useValidatedForm(inviteMemberSchema, async (values, formElement) => {
    setResult(null);
    const outcome = await inviteMemberAction(org, values);
    if (outcome?.ok && outcome.data) {
      setResult(outcome.data);
      formElement.reset();
      router.refresh();
    }
    return outcome;
  });
  const roles = ROLES.filter((r) => canInviteOwner || r !== "OWNER");

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-labelledby="invite-member-title">
      <div>
        <h3 id="invite-member-title" className="text-base font-semibold">
          Invite a member
        </h3>
        <p className="mt-1 text-sm text-slate-600">
          Preflight mails them a link, valid for 7 days. They join only when they open it and accept.
        </p>
      </div>
      <FormMessage message={form.message} />
      {result && (
        <div role="status">
          <SentNotice result={result} what="invitation" linkId="invitation-link" />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-[3fr_1fr_auto] sm:items-start">
        <Field id="invite-email" label="Email" required error={form.errors.email}>
          {(a) => <input {...a} name="email" type="email" autoComplete="off" />}
        </Field>
        <Field id="invite-role" label="Role" required error={form.errors.role}>
          {(a) => (
            <select {...a} name="role" defaultValue="EDITOR">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" disabled={form.pending} className="sm:mt-7">
          {form.pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
      <ul className="grid gap-1 text-xs text-slate-500 sm:grid-cols-2">
        {ROLES.map((r) => (
          <li key={r}>
            <strong className="text-slate-700">{roleLabel(r)}:</strong> {ROLE_DESCRIPTIONS[r]}
          </li>
        ))}
      </ul>
    </form>
  );
}

/** Resend (a new link; the old one stops working) and Revoke, for one pending invitation. */
export function PendingInvitationActions({
  invitationId,
  email,
  role,
  canManageOwners,
}: {
  invitationId: string;
  email: string;
  role: Role;
  canManageOwners: boolean;
}) {
  const router = useRouter();
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [resent, setResent] = useState<Sent | null>(null);
  const locked = role === "OWNER" && !canManageOwners;

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending || locked}
        aria-label={`Resend the invitation to ${email}`}
        onClick={() =>
          start(async () => {
            setError(null);
            setResent(null);
            const outcome = await resendInvitationAction(org, { invitationId });
            if (outcome?.ok && outcome.data) {
              setResent(outcome.data);
              router.refresh();
            } else setError(outcome?.message ?? "That did not work.");
          })
        }
      >
        Resend
      </Button>
      <ConfirmDialog
        title={`Withdraw the invitation to ${email}?`}
        description="Its link stops working at once. You can invite them again later."
        confirmLabel="Revoke"
        onConfirm={() =>
          start(async () => {
            setError(null);
            setResent(null);
            const outcome = await revokeInvitationAction(org, { invitationId });
            if (outcome && !outcome.ok) setError(outcome.message);
            else router.refresh();
          })
        }
        trigger={
          <Button
            type="button"
            variant="danger"
            disabled={pending || locked}
            aria-label={`Revoke the invitation to ${email}`}
          >
            Revoke
          </Button>
        }
      />
      {resent && (
        <div role="status" className="w-full text-left">
          <SentNotice result={resent} what="new link" linkId={`invitation-link-${invitationId}`} />
        </div>
      )}
      {error && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
