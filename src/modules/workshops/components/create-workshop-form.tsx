"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useOrgSlug } from "@/modules/access/client";
import type { FieldErrors } from "@/lib/errors";
import { createWorkshopAction } from "../actions";
import type { WorkshopSetupOptions } from "../service";

/** Sets up a workshop: title, date, pilots, framework version, criteria (all by default), anonymity. */
export function CreateWorkshopForm({ options, today }: { options: WorkshopSetupOptions; today: string }) {
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(today);
  const [pilotIds, setPilotIds] = useState<string[]>([]);
  const [versionId, setVersionId] = useState(options.versions[0]?.id ?? "");
  const [subset, setSubset] = useState(false);
  const [criterionKeys, setCriterionKeys] = useState<string[]>([]);
  const [anonymous, setAnonymous] = useState(true);
  const version = options.versions.find((v) => v.id === versionId);

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setErrors({});
          setMessage(null);
          const result = await createWorkshopAction(org, {
            title,
            date,
            pilotIds,
            frameworkVersionId: versionId,
            criterionKeys: subset ? criterionKeys : [],
            anonymous,
          });
          if (result && !result.ok) {
            setErrors(result.fieldErrors ?? {});
            setMessage(result.message);
          }
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="title" label="Title" required error={errors.title}>
          {(aria) => <input {...aria} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="date" label="Date" required error={errors.date}>
          {(aria) => <input {...aria} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>

      <fieldset aria-describedby={errors.pilotIds ? "pilotIds-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Pilots to cover</legend>
        {options.pilots.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Register a pilot first.</p>
        ) : (
          <CheckboxList
            className="mt-2 grid max-h-64 gap-1 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200 sm:grid-cols-2"
            items={options.pilots.map((p) => ({ value: p.id, label: p.name }))}
            chosen={pilotIds}
            onChange={setPilotIds}
          />
        )}
        {errors.pilotIds && (
          <p id="pilotIds-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.pilotIds.join(" ")}
          </p>
        )}
      </fieldset>

      <Field id="frameworkVersionId" label="Framework version" required error={errors.frameworkVersionId}>
        {(aria) => (
          <select {...aria} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            {options.versions.map((v) => (
              <option key={v.id} value={v.id}>
                Version {v.version}
                {v.current ? " (current)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Criteria</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" checked={!subset} onChange={() => setSubset(false)} />
          All criteria
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" checked={subset} onChange={() => setSubset(true)} />
          Some, for a short session
        </label>
        {subset && version && (
          <div className="grid gap-3 rounded-md p-3 ring-1 ring-slate-200 md:grid-cols-2">
            {version.pillars.map((p) => (
              <fieldset key={p.key}>
                <legend className="text-sm font-semibold text-slate-900">{p.title}</legend>
                <CheckboxList
                  className="mt-1 space-y-1"
                  items={p.criteria.map((c) => ({ value: c.key, label: c.title }))}
                  chosen={criterionKeys}
                  onChange={setCriterionKeys}
                />
              </fieldset>
            ))}
          </div>
        )}
        {errors.criterionKeys && <p className="text-sm font-medium text-red-700">{errors.criterionKeys.join(" ")}</p>}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Votes</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="anonymous" checked={anonymous} onChange={() => setAnonymous(true)} />
          Anonymous to the room (recommended)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="anonymous" checked={!anonymous} onChange={() => setAnonymous(false)} />
          Named: the reveal shows who voted what
        </label>
      </fieldset>

      {message && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create workshop"}
      </Button>
    </form>
  );
}

/** A list of checkboxes; `chosen` holds the values ticked, in the order they were ticked. */
function CheckboxList({
  className,
  items,
  chosen,
  onChange,
}: {
  className: string;
  items: { value: string; label: string }[];
  chosen: string[];
  onChange: (update: (list: string[]) => string[]) => void;
}) {
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.value}>
          <label className="flex items-start gap-2 text-sm [overflow-wrap:anywhere]">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={chosen.includes(item.value)}
              onChange={(e) => {
                const on = e.target.checked;
                onChange((list) => (on ? [...new Set([...list, item.value])] : list.filter((v) => v !== item.value)));
              }}
            />
            {item.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
