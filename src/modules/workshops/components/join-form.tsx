"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Joining a workshop: a display name (no account), or the member's own account. */
export function JoinForm({ code, memberName }: { code: string; memberName: string | null }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const join = (body: Record<string, unknown>) =>
    start(async () => {
      setError(null);
      const response = await fetch(`/w/${code}/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        router.refresh();
        return;
      }
      const problem = (await response.json().catch(() => null)) as {
        detail?: string;
        errors?: Record<string, string[]>;
      } | null;
      setError(problem?.errors?.displayName?.[0] ?? problem?.detail ?? "Could not join. Try again.");
    });

  return (
    <div className="space-y-6">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          join({ displayName: name });
        }}
      >
        <Field id="displayName" label="Your name" required hint="No account needed." error={error ?? undefined}>
          {(aria) => (
            <input
              {...aria}
              className={`${aria.className} py-3 text-lg`}
              name="displayName"
              autoComplete="nickname"
              maxLength={60}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" disabled={pending} className="w-full py-3 text-lg">
          {pending ? "Joining…" : "Join"}
        </Button>
      </form>
      {memberName && (
        <div className="border-t border-slate-200 pt-4">
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            className="w-full"
            onClick={() => join({ asMember: true })}
          >
            Join with my account ({memberName})
          </Button>
        </div>
      )}
    </div>
  );
}
