"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import {
  changeMemberRoleAction,
  createOrganizationAction,
  removeMemberAction,
  renameOrganizationAction,
} from "../actions";
import { ROLES, roleLabel } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";
import { createOrganizationSchema, renameOrganizationSchema } from "../schemas";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function MemberRowActions({
  membershipId,
  role,
  name,
  canManageOwners,
}: {
  membershipId: string;
  role: Role;
  name: string;
  canManageOwners: boolean;
}) {
  const router = useRouter();
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  // The role being asked for while its change runs; otherwise the select shows the real one.
  const [asked, setAsked] = useState<Role | null>(null);
  const locked = role === "OWNER" && !canManageOwners;

  function run(action: () => Promise<{ ok: boolean; message?: string } | null>) {
    start(async () => {
      const outcome = await action();
      setAsked(null); // refused: back to the real role; done: the refreshed page brings the new one
      if (outcome && !outcome.ok) {
        setMessage({ tone: "error", text: outcome.message ?? "That did not work." });
      } else {
        setMessage(null);
        router.refresh();
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <label htmlFor={`role-${membershipId}`} className="sr-only">
        Role of {name}
      </label>
      <select
        id={`role-${membershipId}`}
        value={asked ?? role}
        disabled={pending || locked}
        onChange={(e) => {
          const next = e.target.value as Role;
          setAsked(next);
          run(() => changeMemberRoleAction(org, { membershipId, role: next }));
        }}
        className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 disabled:bg-slate-50"
      >
        {ROLES.filter((r) => canManageOwners || r !== "OWNER" || role === "OWNER").map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
      <ConfirmDialog
        title={`Remove ${name}?`}
        description="They lose access to this organisation at once. You can invite them again later."
        confirmLabel="Remove"
        onConfirm={() => run(() => removeMemberAction(org, { membershipId }))}
        trigger={
          <Button type="button" variant="danger" disabled={pending || locked} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        }
      />
      {message && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {message.text}
        </p>
      )}
    </div>
  );
}

/** Creates a new organisation owned by the signed-in user (from settings or the welcome page). */
export function NewOrganizationForm({ label = "Organisation name" }: { label?: string }) {
  const form = useValidatedForm(createOrganizationSchema, (values) => createOrganizationAction(values));
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormMessage message={form.message} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <Field id="new-org-name" label={label} required error={form.errors.name}>
            {(a) => <input {...a} name="name" />}
          </Field>
        </div>
        <Button type="submit" disabled={form.pending} className="sm:mt-7">
          Create organisation
        </Button>
      </div>
    </form>
  );
}

/** The organisation's name and the slug in its URLs (owners only). */
export function OrganizationSettingsForm({ name, slug }: { name: string; slug: string }) {
  const router = useRouter();
  const org = useOrgSlug();
  const [saved, setSaved] = useState(false);
  const form = useValidatedForm(renameOrganizationSchema, async (values) => {
    const outcome = await renameOrganizationAction(org, values);
    if (outcome?.ok) {
      setSaved(true);
      router.refresh();
    }
    return outcome;
  });
  return (
    <form onSubmit={form.onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-3">
      <FormMessage message={form.message} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field id="org-name" label="Organisation name" required error={form.errors.name}>
          {(a) => <input {...a} name="name" defaultValue={name} />}
        </Field>
        <Field
          id="org-slug"
          label="Address"
          required
          error={form.errors.slug}
          hint="Lower-case letters, digits and hyphens. Links with the old address stop working."
        >
          {(a) => <input {...a} name="slug" defaultValue={slug} autoCapitalize="off" spellCheck={false} />}
        </Field>
        <Button type="submit" disabled={form.pending} className="sm:mt-7" variant="secondary">
          Save
        </Button>
      </div>
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      )}
    </form>
  );
}
