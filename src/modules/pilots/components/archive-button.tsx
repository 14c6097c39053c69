"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useOrgSlug } from "@/modules/access/client";
import { archivePilotAction, restorePilotAction } from "../actions";

export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const router = useRouter();
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        type="button"
        variant={archived ? "secondary" : "danger"}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await (archived ? restorePilotAction(org, { id }) : archivePilotAction(org, { id }));
            if (result && !result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        {archived ? "Restore" : "Archive"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
