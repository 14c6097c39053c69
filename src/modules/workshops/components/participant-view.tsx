"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { LEVEL_NAMES } from "@/modules/assessments/shared";
import { useLiveState } from "../client";
import type { ParticipantState } from "../types";
import { DistributionBars } from "./distribution-bars";

type Vote = { level: number | null; comment: string };

const versionOf = (s: ParticipantState) => String(s.version);

/**
 * A participant's phone: the item on screen in plain words, four large level buttons and "don't
 * know", an optional comment; the vote can change until the reveal, then the room's votes show.
 * The screen follows the facilitator by itself.
 */
export function ParticipantView({ code, initial }: { code: string; initial: ParticipantState }) {
  const { state: s, offline } = useLiveState<ParticipantState>(`/w/${code}/state`, initial, versionOf, {
    longPoll: true,
  });
  const item = s.item;
  // The vote as last sent for this item: kept locally so the buttons answer at once.
  const [sent, setSent] = useState<{ itemId: string; vote: Vote } | null>(null);
  const [comment, setComment] = useState<{ itemId: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (s.status === "CLOSED") {
    return (
      <p className="rounded-lg bg-white p-6 text-lg shadow-sm ring-1 ring-slate-200">
        This workshop has closed. Thank you for taking part.
      </p>
    );
  }
  if (!item) return <p className="text-lg">Waiting for the facilitator…</p>;

  const mine: Vote | null = sent?.itemId === item.id ? sent.vote : s.me.vote;
  const commentText = comment?.itemId === item.id ? comment.text : (mine?.comment ?? "");

  async function vote(level: number | null) {
    if (!item || item.revealed) return;
    setSaving(true);
    setError(null);
    const next = { level, comment: commentText };
    try {
      const response = await fetch(`/w/${code}/vote`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ itemId: item.id, ...next }),
      });
      if (response.ok) setSent({ itemId: item.id, vote: (await response.json()) as Vote });
      else {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setError(problem?.detail ?? "Your vote was not recorded. Try again.");
      }
    } catch {
      setError("No connection: your vote was not recorded. Try again when you are back online.");
    } finally {
      setSaving(false);
    }
  }

  const choices = [
    ...item.criterion.levels.map((text, level) => ({
      level: level as number | null,
      name: `${level} · ${LEVEL_NAMES[level]}`,
      text,
    })),
    { level: null, name: "Don't know", text: "Not sure: let the others decide." },
  ];

  return (
    <div className="space-y-5">
      {offline && (
        <p role="status" className="rounded bg-amber-100 px-3 py-2 text-sm font-medium text-amber-900">
          Reconnecting…
        </p>
      )}
      <header>
        <p className="text-sm text-slate-600">
          Item {item.position + 1} of {s.total} · {item.pilotName}
        </p>
        <p className="mt-1 text-sm font-medium uppercase tracking-wide text-slate-500">{item.criterion.pillarTitle}</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900" aria-live="polite">
          {item.criterion.title}
        </h1>
        <p className="mt-2 text-base text-slate-700">{item.criterion.whyItMatters}</p>
      </header>

      {item.revealed ? (
        <section
          aria-labelledby="room-heading"
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="room-heading" className="text-lg font-semibold">
            The room&apos;s votes
          </h2>
          {item.distribution && <DistributionBars distribution={item.distribution} />}
          {mine && (
            <p className="text-sm text-slate-600">
              You voted {mine.level === null ? "don't know" : `${mine.level} · ${LEVEL_NAMES[mine.level]}`}.
            </p>
          )}
          {item.agreement && (
            <p className="text-base font-semibold text-slate-900">
              Agreed:{" "}
              {item.agreement.notApplicable
                ? "not applicable"
                : `${item.agreement.level} · ${LEVEL_NAMES[item.agreement.level ?? 0]}`}
            </p>
          )}
        </section>
      ) : (
        <fieldset className="space-y-3" disabled={saving}>
          <legend className="mb-2 text-base font-semibold text-slate-900">
            Your vote {mine ? "(you can change it until the reveal)" : "(private until the reveal)"}
          </legend>
          {choices.map((c) => {
            const chosen = mine !== null && mine.level === c.level;
            return (
              <button
                key={c.name}
                type="button"
                aria-pressed={chosen}
                onClick={() => vote(c.level)}
                className={cn(
                  "block w-full rounded-lg px-4 py-3 text-left ring-2 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-600",
                  chosen ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-900 ring-slate-300",
                )}
              >
                <span className="block text-lg font-bold">{c.name}</span>
                <span className={cn("block text-sm", chosen ? "text-white" : "text-slate-600")}>{c.text}</span>
              </button>
            );
          })}
          <div className="space-y-1.5 pt-2">
            <label htmlFor="comment" className="block text-sm font-medium text-slate-800">
              Comment <span className="font-normal text-slate-500">(optional, sent with your vote)</span>
            </label>
            <textarea
              id="comment"
              rows={2}
              maxLength={500}
              value={commentText}
              onChange={(e) => setComment({ itemId: item.id, text: e.target.value })}
              className="block w-full rounded-md px-3 py-2 text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
            />
            {mine && commentText !== mine.comment && (
              <button
                type="button"
                onClick={() => vote(mine.level)}
                className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-800 ring-1 ring-slate-300"
              >
                Send comment
              </button>
            )}
          </div>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      {mine && !item.revealed && (
        <p role="status" className="text-sm font-medium text-green-800">
          Vote recorded. Waiting for the reveal.
        </p>
      )}
      <p className="text-xs text-slate-500">You are {s.me.displayName}.</p>
    </div>
  );
}
