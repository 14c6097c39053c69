"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { LEVEL_NAMES } from "@/modules/assessments/shared";
import { suggestedLevel } from "../distribution";
import type { Agreement, LiveItem } from "../types";
import { isTyping } from "./keyboard";

/**
 * What the room agreed on the item on screen: a level (0–3 keys record it at once) or N/A with a
 * reason, a note, and "verify with evidence" when the room was unsure.
 */
export function AgreementForm({
  item,
  onSave,
  onReopen,
}: {
  item: LiveItem;
  onSave: (agreement: Agreement) => Promise<void> | void;
  onReopen: () => void;
}) {
  const saved = item.agreement;
  const [level, setLevel] = useState<number | null>(
    saved ? saved.level : item.distribution ? suggestedLevel(item.distribution) : null,
  );
  const [notApplicable, setNotApplicable] = useState(saved?.notApplicable ?? false);
  const [naReason, setNaReason] = useState(saved?.naReason ?? "");
  const [note, setNote] = useState(saved?.note ?? "");
  const [verify, setVerify] = useState(saved?.verifyWithEvidence ?? false);

  const save = (chosen: number | null = level, na = notApplicable) =>
    onSave({
      level: na ? null : chosen,
      notApplicable: na,
      naReason: na ? naReason : "",
      note,
      verifyWithEvidence: verify,
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || !/^[0-3]$/.test(event.key)) return;
      event.preventDefault();
      const chosen = Number(event.key);
      setLevel(chosen);
      setNotApplicable(false);
      void save(chosen, false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const field =
    "block w-full rounded-md bg-slate-950 px-3 py-2 text-lg text-white ring-1 ring-slate-500 focus:outline-none focus:ring-2 focus:ring-sky-400";

  return (
    <form
      className="space-y-3 border-t border-slate-700 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend className="mb-2 text-xl font-semibold">Agreed level</legend>
        <div className="grid grid-cols-5 gap-2">
          {[0, 1, 2, 3].map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={!notApplicable && level === l}
              onClick={() => {
                setLevel(l);
                setNotApplicable(false);
              }}
              className={cn(
                "rounded-md px-2 py-3 text-xl font-bold ring-1 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400",
                !notApplicable && level === l
                  ? "bg-sky-400 text-slate-950 ring-sky-400"
                  : "bg-slate-950 ring-slate-500",
              )}
            >
              {l}
              <span className="block text-xs font-medium">{LEVEL_NAMES[l]}</span>
            </button>
          ))}
          <button
            type="button"
            aria-pressed={notApplicable}
            onClick={() => setNotApplicable(true)}
            className={cn(
              "rounded-md px-2 py-3 text-xl font-bold ring-1 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400",
              notApplicable ? "bg-sky-400 text-slate-950 ring-sky-400" : "bg-slate-950 ring-slate-500",
            )}
          >
            N/A
          </button>
        </div>
      </fieldset>
      {notApplicable && (
        <div>
          <label htmlFor="naReason" className="mb-1 block text-lg font-medium">
            Why it does not apply
          </label>
          <input
            id="naReason"
            className={field}
            value={naReason}
            maxLength={1000}
            onChange={(e) => setNaReason(e.target.value)}
          />
        </div>
      )}
      <div>
        <label htmlFor="note" className="mb-1 block text-lg font-medium">
          Note <span className="font-normal text-slate-400">(optional)</span>
        </label>
        <textarea
          id="note"
          rows={2}
          className={field}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <label className="flex items-center gap-3 text-lg">
        <input
          type="checkbox"
          checked={verify}
          onChange={(e) => setVerify(e.target.checked)}
          className="h-6 w-6 rounded accent-sky-400"
        />
        Verify with evidence (the room was unsure)
      </label>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          className="rounded-lg bg-sky-400 px-5 py-3 text-xl font-bold text-slate-950 hover:bg-sky-300 focus:outline-none focus-visible:ring-4 focus-visible:ring-white"
        >
          {saved ? "Update agreement" : "Record agreement"}
        </button>
        <button
          type="button"
          onClick={onReopen}
          className="rounded-lg bg-slate-800 px-5 py-3 text-lg font-semibold ring-1 ring-slate-600 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400"
        >
          Vote again
        </button>
      </div>
      {saved && (
        <p role="status" className="text-lg text-emerald-300">
          Recorded: {saved.notApplicable ? "not applicable" : `${saved.level} · ${LEVEL_NAMES[saved.level ?? 0]}`}
          {saved.verifyWithEvidence ? " · verify with evidence" : ""}
        </p>
      )}
    </form>
  );
}
