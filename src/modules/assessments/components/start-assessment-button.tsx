"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useOrgSlug } from "@/modules/access/client";
import { startAssessmentAction } from "../actions";

/** Starts an assessment of the pilot, or reopens the one in progress, and goes to it. */
export function StartAssessmentButton({
  pilotId,
  inProgress,
  again = false,
}: {
  pilotId: string;
  inProgress: boolean;
  /** The pilot was assessed before: the button starts a new one. */
  again?: boolean;
}) {
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button
        type="button"
        variant={inProgress ? "secondary" : "primary"}
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            // On success the action redirects to the assessment; it only returns on failure.
            const result = await startAssessmentAction(org, { pilotId });
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {pending
          ? "Opening…"
          : inProgress
            ? "Continue assessment"
            : again
              ? "Start new assessment"
              : "Start assessment"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
