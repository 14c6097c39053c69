import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageContext } from "@/modules/orgs/context";
import { can } from "@/modules/orgs/roles";
import { PilotFilters } from "@/modules/pilots/components/pilot-filters";
import { PilotTable } from "@/modules/pilots/components/pilot-table";
import { pilotListQuerySchema } from "@/modules/pilots/schemas";
import { listPilotFacets, listPilots } from "@/modules/pilots/service";

export const metadata: Metadata = { title: "Pilots" };

export default async function PilotsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext();
  const raw = await searchParams;
  const query = pilotListQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [pilots, facets] = await Promise.all([listPilots(ctx, query), listPilotFacets(ctx)]);
  const canWrite = can(ctx.role, "pilot:write");
  const filtered = Boolean(query.q || query.stage || query.unit);

  return (
    <>
      <PageHeader
        title={query.archived ? "Archived pilots" : "Pilots"}
        description={
          query.archived
            ? "Archived pilots are kept with their history and can be restored."
            : "Every AI pilot in the organisation, with its stage, owner and cost."
        }
        actions={canWrite && !query.archived ? <ButtonLink href="/pilots/new">Register a pilot</ButtonLink> : undefined}
      />
      <PilotFilters query={query} businessUnits={facets.businessUnits} />
      <p className="mb-3 text-sm text-slate-600" aria-live="polite">
        {pilots.length === 1 ? "1 pilot" : `${pilots.length} pilots`}
        {filtered ? " match these filters" : ""}.{" "}
        <Link
          href={query.archived ? "/pilots" : "/pilots?archived=1"}
          className="font-medium text-brand-700 hover:underline"
        >
          {query.archived ? "Show active pilots" : "Show archived pilots"}
        </Link>
      </p>
      {pilots.length > 0 ? (
        <PilotTable pilots={pilots} currency={ctx.currency} />
      ) : filtered ? (
        <EmptyState
          title="No pilots match these filters"
          action={
            <ButtonLink href="/pilots" variant="secondary">
              Clear filters
            </ButtonLink>
          }
        >
          Try a shorter search or another stage.
        </EmptyState>
      ) : query.archived ? (
        <EmptyState title="No archived pilots">Pilots you archive appear here.</EmptyState>
      ) : (
        <EmptyState
          title="No pilots registered yet"
          action={canWrite ? <ButtonLink href="/pilots/new">Register your first pilot</ButtonLink> : undefined}
        >
          Register each AI pilot your teams run: what it changes, who owns it and what it costs. Then score it against
          the production checklist.
        </EmptyState>
      )}
    </>
  );
}
