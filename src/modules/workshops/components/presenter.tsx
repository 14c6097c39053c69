"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import { LEVEL_NAMES } from "@/modules/assessments/shared";
import { useOrgSlug } from "@/modules/access/client";
import { orgApi, orgPath } from "@/modules/access/shared";
import { closeWorkshopAction } from "../actions";
import { useLiveState } from "../client";
import type { ControlInput } from "../schemas";
import type { FacilitatorState, ItemState } from "../types";
import { AgreementForm } from "./agreement-form";
import { DistributionBars } from "./distribution-bars";
import { isTyping } from "./keyboard";

const keyOfState = (s: FacilitatorState) => s.key;

const STATE_LABEL: Record<ItemState, string> = {
  pending: "Not yet",
  current: "On screen",
  revealed: "Revealed",
  agreed: "Agreed",
  skipped: "Skipped",
};

/**
 * The facilitator's presenter view, made for a projector: large type, high contrast, the item on
 * screen, live "n of m have voted", reveal, the agreement, next. Keyboard: ←/→ move, R reveals,
 * 0–3 record the agreed level (never while typing in a field).
 */
export function Presenter({
  workshopId,
  initial,
  joinUrl,
  qrSvg,
}: {
  workshopId: string;
  initial: FacilitatorState;
  joinUrl: string;
  qrSvg: string;
}) {
  const org = useOrgSlug();
  const {
    state: s,
    offline,
    replace,
  } = useLiveState<FacilitatorState>(orgApi(org, `/workshops/${workshopId}/state`), initial, keyOfState);
  const item = s.item;
  const [error, setError] = useState<string | null>(null);
  const [overview, setOverview] = useState(false);
  const [closing, startClosing] = useTransition();

  async function send(op: ControlInput) {
    setError(null);
    try {
      const response = await fetch(orgApi(org, `/workshops/${workshopId}/control`), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(op),
      });
      const body = (await response.json().catch(() => null)) as (FacilitatorState & { detail?: string }) | null;
      if (response.ok && body) replace(body);
      else setError(body?.detail ?? "That did not work. Try again.");
    } catch {
      setError("No connection to Preflight. Try again.");
    }
  }

  const go = (position: number) => {
    if (position >= 0 && position < s.total) void send({ op: "goto", position });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || !item) return;
      if (event.key === "ArrowRight") go(item.position + 1);
      else if (event.key === "ArrowLeft") go(item.position - 1);
      else if ((event.key === "r" || event.key === "R") && !item.revealed) void send({ op: "reveal", itemId: item.id });
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const close = () =>
    startClosing(async () => {
      const result = await closeWorkshopAction(org, { workshopId });
      if (result && !result.ok) setError(result.message);
    });

  return (
    <div className="fixed inset-0 z-40 overflow-y-auto bg-slate-950 text-white">
      <div className="mx-auto flex min-h-full max-w-[1800px] flex-col gap-5 p-6 lg:px-10">
        <header className="flex flex-wrap items-center gap-x-8 gap-y-3">
          <h1 className="text-2xl font-bold">{s.title}</h1>
          <p className="text-xl text-slate-200">
            Join at <span className="font-semibold text-white">{joinUrl.replace(/^https?:\/\//, "")}</span>
            {" · "}code{" "}
            <span className="rounded bg-white px-2 py-0.5 font-mono text-2xl font-bold tracking-widest text-slate-950">
              {s.code}
            </span>
          </p>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {offline && (
              <span role="status" className="rounded bg-amber-300 px-2 py-1 text-sm font-semibold text-slate-950">
                Reconnecting…
              </span>
            )}
            <button
              type="button"
              aria-expanded={overview}
              onClick={() => setOverview((v) => !v)}
              className="rounded-md bg-slate-800 px-4 py-2 font-semibold ring-1 ring-slate-600 hover:bg-slate-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
            >
              Overview
            </button>
            <Link
              href={orgPath(org, `/workshops/${workshopId}`)}
              className="rounded-md bg-slate-800 px-4 py-2 font-semibold ring-1 ring-slate-600 hover:bg-slate-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
            >
              Leave presenter view
            </Link>
            <ConfirmDialog
              trigger={
                <button
                  type="button"
                  disabled={closing}
                  className="rounded-md bg-white px-4 py-2 font-semibold text-slate-950 hover:bg-slate-200 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
                >
                  {closing ? "Closing…" : "Close workshop"}
                </button>
              }
              title="Close the workshop?"
              description="Participants can no longer vote. For each pilot, the agreed levels become an assessment; criteria the room did not cover stay unanswered."
              confirmLabel="Close and write assessments"
              tone="primary"
              onConfirm={close}
            />
          </div>
        </header>

        {error && (
          <p role="alert" className="rounded bg-red-200 px-4 py-3 text-lg font-semibold text-red-950">
            {error}
          </p>
        )}

        {overview && (
          <section aria-labelledby="overview-heading" className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-700">
            <h2 id="overview-heading" className="mb-3 text-xl font-semibold">
              All items
            </h2>
            <ol className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
              {s.items.map((i) => (
                <li key={i.id}>
                  <button
                    type="button"
                    onClick={() => go(i.position)}
                    aria-current={i.state === "current" ? "step" : undefined}
                    className={cn(
                      "flex w-full items-start justify-between gap-3 rounded-md px-3 py-2 text-left ring-1 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400",
                      i.state === "current"
                        ? "bg-sky-900 ring-sky-400"
                        : "bg-slate-950 ring-slate-700 hover:bg-slate-800",
                    )}
                  >
                    <span>
                      <span className="block text-sm text-slate-300">
                        {i.position + 1}. {i.pilotName}
                      </span>
                      <span className="block font-semibold">{i.criterionTitle}</span>
                    </span>
                    <span className="shrink-0 text-sm text-slate-200">
                      {i.agreement
                        ? i.agreement.notApplicable
                          ? "N/A"
                          : `Agreed ${i.agreement.level}`
                        : STATE_LABEL[i.state]}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
        )}

        {item ? (
          <main className="grid flex-1 gap-8 xl:grid-cols-[3fr_2fr]">
            <section aria-labelledby="criterion-heading" className="space-y-4">
              <p className="text-xl text-slate-300">
                Item {item.position + 1} of {s.total} ·{" "}
                <span className="font-semibold text-white">{item.pilotName}</span>
                {" · "}
                {item.criterion.pillarTitle}
              </p>
              <h2 id="criterion-heading" className="text-4xl font-bold leading-tight">
                {item.criterion.title}
              </h2>
              <p className="text-xl leading-snug text-slate-100">{item.criterion.whyItMatters}</p>
              <ol className="grid gap-3 md:grid-cols-2">
                {item.criterion.levels.map((text, level) => (
                  <li key={level} className="rounded-lg bg-slate-900 p-3 ring-1 ring-slate-700">
                    <span className="block text-lg font-bold text-sky-300">
                      {level} · {LEVEL_NAMES[level]}
                    </span>
                    <span className="mt-1 block text-base text-slate-100">{text}</span>
                  </li>
                ))}
              </ol>
            </section>

            <section aria-label="Votes" className="space-y-4 rounded-lg bg-slate-900 p-5 ring-1 ring-slate-700">
              <p className="text-3xl font-bold tabular-nums" role="status" aria-live="polite">
                {item.votedCount} of {Math.max(s.participantCount, item.votedCount)} have voted
              </p>
              {!item.revealed ? (
                <button
                  type="button"
                  onClick={() => send({ op: "reveal", itemId: item.id })}
                  className="w-full rounded-lg bg-sky-400 px-6 py-4 text-2xl font-bold text-slate-950 hover:bg-sky-300 focus:outline-none focus-visible:ring-4 focus-visible:ring-white"
                >
                  Reveal votes <span className="text-lg font-semibold">(R)</span>
                </button>
              ) : (
                <>
                  {item.distribution && <DistributionBars distribution={item.distribution} tone="dark" size="lg" />}
                  {s.votes.some((v) => v.comment) && (
                    <ul className="space-y-1 text-lg text-slate-100" aria-label="Comments">
                      {s.votes
                        .filter((v) => v.comment)
                        .map((v, i) => (
                          <li key={i}>
                            “{v.comment}”{v.name && <span className="text-slate-400"> — {v.name}</span>}
                          </li>
                        ))}
                    </ul>
                  )}
                  <AgreementForm
                    key={item.id}
                    item={item}
                    onSave={(agreement) => send({ op: "agree", itemId: item.id, ...agreement })}
                    onReopen={() => send({ op: "reopen", itemId: item.id })}
                  />
                </>
              )}
            </section>
          </main>
        ) : (
          <p className="text-2xl">This workshop has no items.</p>
        )}

        {item && (
          <nav aria-label="Items" className="flex items-center justify-between gap-4 border-t border-slate-800 pt-4">
            <button
              type="button"
              disabled={item.position === 0}
              onClick={() => go(item.position - 1)}
              className="rounded-lg bg-slate-800 px-6 py-3 text-xl font-semibold ring-1 ring-slate-600 disabled:opacity-40 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
            >
              ← Previous
            </button>
            <div
              className="hidden h-24 w-24 rounded bg-white p-1 sm:block [&>svg]:h-full [&>svg]:w-full"
              role="img"
              aria-label={`QR code for ${joinUrl}`}
              dangerouslySetInnerHTML={{ __html: qrSvg }}
            />
            <button
              type="button"
              disabled={item.position >= s.total - 1}
              onClick={() => go(item.position + 1)}
              className="rounded-lg bg-white px-6 py-3 text-xl font-bold text-slate-950 disabled:opacity-40 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
            >
              Next →
            </button>
          </nav>
        )}
      </div>
    </div>
  );
}
