"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { isUnconfirmed, sameContent } from "../progress";
import type { Evidence } from "../schemas";
import type { AnswerView } from "../service";
import { orgApi } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";

/** What the person is editing for one criterion. */
export interface Draft {
  level: number | null;
  notApplicable: boolean;
  naReason: string;
  notes: string;
  evidence: Evidence[];
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "invalid"; errors: FieldErrors; message: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: AnswerView; message: string };

export interface CriterionState {
  draft: Draft;
  /** The answer version this draft was made on (0 = no answer existed). */
  version: number;
  save: SaveState;
  /** Carried over from the previous assessment and not saved since: "confirm or change". */
  unconfirmed: boolean;
}

export function draftFrom(answer: AnswerView | undefined): Draft {
  return {
    level: answer?.level ?? null,
    notApplicable: answer?.notApplicable ?? false,
    naReason: answer?.naReason ?? "",
    notes: answer?.notes ?? "",
    evidence: answer?.evidence ?? [],
  };
}

/** A draft worth sending: evidence rows still missing a label or an address stay local until complete. */
function payload(key: string, version: number, draft: Draft) {
  return {
    criterionKey: key,
    expectedVersion: version,
    level: draft.notApplicable ? null : draft.level,
    notApplicable: draft.notApplicable,
    naReason: draft.notApplicable ? draft.naReason : null,
    notes: draft.notes,
    evidence: draft.evidence.filter((e) => e.url.trim() && e.label.trim()),
  };
}

const DEBOUNCE_MS = 600;

/**
 * Per-criterion autosave: each change is saved after a short pause, one request at a time per
 * criterion, against the version it was made on. A 409 keeps both values for the person to choose.
 */
export function useAnswerAutosave(assessmentId: string, initial: AnswerView[], keys: string[]) {
  const org = useOrgSlug();
  const [states, setStates] = useState<Record<string, CriterionState>>(() => {
    const byKey = new Map(initial.map((a) => [a.criterionKey, a]));
    return Object.fromEntries(
      keys.map((k) => [
        k,
        {
          draft: draftFrom(byKey.get(k)),
          version: byKey.get(k)?.version ?? 0,
          save: { kind: "idle" },
          unconfirmed: Boolean(byKey.get(k) && isUnconfirmed(byKey.get(k)!)),
        },
      ]),
    );
  });
  // The ref is the source of truth for the async save logic; state mirrors it for rendering.
  const statesRef = useRef(states);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<string>());
  const again = useRef(new Set<string>());

  const patch = useCallback((key: string, next: Partial<CriterionState>) => {
    statesRef.current = { ...statesRef.current, [key]: { ...statesRef.current[key]!, ...next } };
    setStates(statesRef.current);
  }, []);

  /** One request: saves the criterion's current draft against `version` (default: the one it was made on). */
  const saveOnce = useCallback(
    async (key: string, versionOverride?: number) => {
      const current = statesRef.current[key]!;
      patch(key, { save: { kind: "saving" } });
      try {
        const response = await fetch(orgApi(org, `/assessments/${assessmentId}/answers`), {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload(key, versionOverride ?? current.version, current.draft)),
        });
        const body = await response.json().catch(() => ({}));
        const theirs = body.current as AnswerView | undefined;
        if (response.ok) {
          const saved = body.answer as AnswerView;
          patch(key, { version: saved.version, save: { kind: "saved", at: saved.updatedAt }, unconfirmed: false });
        } else if (response.status === 409 && theirs && sameContent(theirs, current.draft) && !isUnconfirmed(theirs)) {
          // Someone else saved exactly this meanwhile (e.g. confirmed the same carried-over answer):
          // nothing to choose between. A change made since is sent next, on their version.
          patch(key, { version: theirs.version, save: { kind: "saved", at: theirs.updatedAt }, unconfirmed: false });
        } else if (response.status === 409 && body.current) {
          again.current.delete(key); // nothing more is sent until the person chooses
          patch(key, { save: { kind: "conflict", theirs: body.current as AnswerView, message: body.detail } });
        } else if (response.status === 400) {
          patch(key, {
            save: { kind: "invalid", errors: body.errors ?? {}, message: body.detail ?? "Check this answer." },
          });
        } else {
          patch(key, { save: { kind: "error", message: body.detail ?? "Could not save. Edit again to retry." } });
        }
      } catch {
        patch(key, {
          save: {
            kind: "error",
            message: "Could not save: the server did not answer. Your answer is kept here; edit again to retry.",
          },
        });
      }
    },
    [assessmentId, org, patch],
  );

  /** Saves a criterion; one request at a time per criterion, and once more if it changed meanwhile. */
  const send = useCallback(
    async (key: string, versionOverride?: number) => {
      if (inFlight.current.has(key)) {
        again.current.add(key);
        return;
      }
      inFlight.current.add(key);
      try {
        let override = versionOverride;
        do {
          again.current.delete(key);
          await saveOnce(key, override);
          override = undefined;
        } while (again.current.has(key));
      } finally {
        inFlight.current.delete(key);
      }
    },
    [saveOnce],
  );

  const update = useCallback(
    (key: string, change: Partial<Draft>, delay = DEBOUNCE_MS) => {
      const prev = statesRef.current[key]!;
      if (prev.save.kind === "conflict") return; // resolve the conflict first
      patch(key, { draft: { ...prev.draft, ...change }, save: { kind: "pending" } });
      const timer = timers.current.get(key);
      if (timer) clearTimeout(timer);
      timers.current.set(
        key,
        setTimeout(() => {
          timers.current.delete(key);
          void send(key);
        }, delay),
      );
    },
    [patch, send],
  );

  /** Saves everything still waiting for its pause, e.g. before moving on or completing. */
  const flush = useCallback(async () => {
    const waiting = [...timers.current.keys()];
    for (const key of waiting) {
      clearTimeout(timers.current.get(key)!);
      timers.current.delete(key);
    }
    await Promise.all(waiting.map((key) => send(key)));
  }, [send]);

  const keepMine = useCallback(
    (key: string) => {
      const state = statesRef.current[key]!;
      if (state.save.kind !== "conflict") return;
      void send(key, state.save.theirs.version);
    },
    [send],
  );

  const keepTheirs = useCallback(
    (key: string) => {
      const state = statesRef.current[key]!;
      if (state.save.kind !== "conflict") return;
      const theirs = state.save.theirs;
      patch(key, {
        draft: draftFrom(theirs),
        version: theirs.version,
        save: { kind: "saved", at: theirs.updatedAt },
        unconfirmed: isUnconfirmed(theirs),
      });
    },
    [patch],
  );

  /** Confirms a carried-over answer as it is: saving it unchanged confirms it. */
  const confirm = useCallback((key: string) => update(key, {}, 0), [update]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const unsaved = Object.values(statesRef.current).some((s) =>
        ["pending", "saving", "conflict", "error"].includes(s.save.kind),
      );
      if (unsaved) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return { states, update, flush, keepMine, keepTheirs, confirm };
}
