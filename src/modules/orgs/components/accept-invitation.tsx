"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/use-validated-form";
import { orgPath } from "@/modules/access/shared";
import { acceptInvitationAction } from "../actions";

/** "Join {organisation}": accepts the invitation as the signed-in user and opens the organisation. */
export function JoinInvitationButton({ token, organizationName }: { token: string; organizationName: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <FormMessage message={message} />
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setMessage(null);
            const outcome = await acceptInvitationAction({ token });
            if (outcome?.ok && outcome.data) {
              router.replace(orgPath(outcome.data.organizationSlug));
              router.refresh();
            } else setMessage(outcome?.message ?? "That did not work. Please try again.");
          })
        }
      >
        {pending ? "Joining…" : `Join ${organizationName}`}
      </Button>
    </div>
  );
}

/** Signed in as someone else: sign out, then sign in as the invited address and come back to the link. */
export function SwitchAccountButton({ token, email }: { token: string; email: string }) {
  const back = `/signin?${new URLSearchParams({ callbackUrl: `/invite/${token}`, email })}`;
  return (
    <Button type="button" variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: back })}>
      Sign out and continue as {email}
    </Button>
  );
}
