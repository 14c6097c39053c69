"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { useOrgSlug } from "@/modules/access/client";
import { revokeShareLinkAction } from "../actions";

export function RevokeShareLinkButton({ id, what }: { id: string; what: string }) {
  const org = useOrgSlug();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="danger" disabled={pending}>
          Revoke<span className="sr-only"> the link to {what}</span>
        </Button>
      }
      title="Revoke this share link?"
      description={`The link to ${what} stops working at once, for everyone who has it. This cannot be undone; you can create a new link.`}
      confirmLabel="Revoke link"
      onConfirm={() =>
        start(async () => {
          const result = await revokeShareLinkAction(org, { id });
          if (result && !result.ok) toast.error(result.message);
          else toast.success(result?.message ?? "Share link revoked.");
          router.refresh();
        })
      }
    />
  );
}
