"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useOrgSlug } from "@/modules/access/client";
import { closeWorkshopAction, openWorkshopAction } from "../actions";

/** Opens a draft workshop (people can join from then on) and goes to the presenter view. */
export function OpenWorkshopButton({ workshopId }: { workshopId: string }) {
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await openWorkshopAction(org, { workshopId });
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {pending ? "Opening…" : "Open the workshop"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Closes the workshop (or finishes writing its assessments after a failure). */
export function CloseWorkshopButton({ workshopId, label = "Close workshop" }: { workshopId: string; label?: string }) {
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={
          <Button type="button" variant="secondary" disabled={pending}>
            {pending ? "Closing…" : label}
          </Button>
        }
        title="Close the workshop?"
        description="Participants can no longer vote. For each pilot, the agreed levels become an assessment; criteria the room did not cover stay unanswered."
        confirmLabel="Close and write assessments"
        tone="primary"
        onConfirm={() =>
          start(async () => {
            const result = await closeWorkshopAction(org, { workshopId });
            if (result && !result.ok) setError(result.message);
          })
        }
      />
      {error && (
        <p role="alert" className="max-w-md text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
