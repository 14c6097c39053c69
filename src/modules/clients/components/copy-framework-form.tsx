"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import { orgPath } from "@/modules/access/shared";
import { copyFrameworkVersionAction } from "../actions";
import { copyFrameworkSchema } from "../schemas";

interface Option {
  slug: string;
  name: string;
}

/**
 * Reuse a checklist: a published framework version of one organisation becomes a draft in
 * another, where an admin reviews and publishes it. Opens the new draft.
 */
export function CopyFrameworkForm({
  sources,
  versions,
  targets,
}: {
  sources: Option[];
  versions: { versionId: string; organizationSlug: string; label: string }[];
  targets: Option[];
}) {
  const router = useRouter();
  const [source, setSource] = useState(sources[0]?.slug ?? "");
  const [target, setTarget] = useState(targets.find((t) => t.slug !== source)?.slug ?? "");
  const [targetError, setTargetError] = useState<string | null>(null);
  const form = useValidatedForm(copyFrameworkSchema, async (values) => {
    if (!target || target === values.sourceOrganization) {
      setTargetError("Choose another organisation to copy into.");
      return null;
    }
    setTargetError(null);
    const outcome = await copyFrameworkVersionAction(target, values);
    if (outcome?.ok && outcome.data) {
      router.push(orgPath(target, `/settings/frameworks/${outcome.data.id}?toast=draft-created`));
    }
    return outcome;
  });
  const choices = versions.filter((v) => v.organizationSlug === source);

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormMessage message={form.message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="copy-source" label="Copy from" required error={form.errors.sourceOrganization}>
          {(a) => (
            <select {...a} name="sourceOrganization" value={source} onChange={(e) => setSource(e.target.value)}>
              {sources.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="copy-version" label="Framework version" required error={form.errors.versionId}>
          {(a) => (
            <select {...a} name="versionId" key={source}>
              {choices.map((v) => (
                <option key={v.versionId} value={v.versionId}>
                  {v.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="copy-target" label="Into" required error={targetError ?? undefined}>
          {(a) => (
            <select {...a} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose an organisation</option>
              {targets
                .filter((t) => t.slug !== source)
                .map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={form.pending}>
        Copy as a draft
      </Button>
    </form>
  );
}
