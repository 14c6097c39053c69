"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import type { ActionState } from "@/lib/action-state";
import { useOrgSlug } from "@/modules/access/client";
import { createDraftAction, deleteDraftAction, publishDraftAction } from "../actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface Failure {
  message: string;
  problems: string[];
}

/** Runs an action that redirects on success; keeps its failure (with any listed problems) to show. */
function useRedirectingAction() {
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  function run(action: (org: string) => Promise<ActionState>) {
    setFailure(null);
    start(async () => {
      const outcome = await action(org);
      if (outcome && !outcome.ok) {
        setFailure({ message: outcome.message, problems: outcome.fieldErrors?._form ?? [] });
      }
    });
  }
  return { pending, failure, run };
}

function FailureNotice({ failure }: { failure: Failure | null }) {
  return (
    <div role="alert" aria-live="assertive">
      {failure && (
        <Notice tone="error" title={failure.problems.length > 0 ? "This draft cannot be published yet" : undefined}>
          {failure.problems.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5">
              {failure.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            failure.message
          )}
        </Notice>
      )}
    </div>
  );
}

/** "New draft from vN": copies the version into a draft and opens it. */
export function NewDraftButton({
  versionId,
  version,
  variant = "secondary",
}: {
  versionId: string;
  version: number;
  variant?: "primary" | "secondary";
}) {
  const { pending, failure, run } = useRedirectingAction();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={() => run((org) => createDraftAction(org, { versionId }))}
      >
        {pending ? "Copying…" : `New draft from v${version}`}
      </Button>
      <FailureNotice failure={failure} />
    </div>
  );
}

/** Publish and Delete for a draft, each behind a confirmation. */
export function DraftActions({ versionId, version }: { versionId: string; version: number }) {
  const { pending, failure, run } = useRedirectingAction();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          title={`Publish version ${version}?`}
          description="A published version can never be edited. New assessments will use it; assessments already started keep the version they began with."
          confirmLabel={`Publish v${version}`}
          tone="primary"
          onConfirm={() => run((org) => publishDraftAction(org, { versionId }))}
          trigger={
            <Button type="button" disabled={pending}>
              {pending ? "Working…" : `Publish v${version}`}
            </Button>
          }
        />
        <ConfirmDialog
          title={`Delete draft v${version}?`}
          description="Every change made in this draft is lost. This cannot be undone."
          confirmLabel="Delete draft"
          onConfirm={() => run((org) => deleteDraftAction(org, { versionId }))}
          trigger={
            <Button type="button" variant="danger" disabled={pending}>
              Delete draft
            </Button>
          }
        />
      </div>
      <FailureNotice failure={failure} />
    </div>
  );
}
