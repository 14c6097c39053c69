import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can, orgPage } from "@/modules/access";
import { orgApi, orgPath } from "@/modules/access/shared";
import { MAX_BLANK_CHECKLISTS } from "@/modules/imports";
import { PilotFilters } from "@/modules/pilots/components/pilot-filters";
import { PilotTable } from "@/modules/pilots/components/pilot-table";
import { plural, formatNumber } from "@/lib/format";
import {
  gapCriterionTitle,
  hasPilotListFilters,
  pilotListQuerySchema,
  DEFAULT_PILOT_LIST_QUERY,
  pilotListSearch,
  listPilotFacets,
  listPilots,
} from "@/modules/pilots";

export const metadata: Metadata = { title: "Pilots" };

const count = (n: number) => formatNumber(n);

export default async function PilotsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await orgPage(params);
  const slug = ctx.organizationSlug;
  // Repeated parameters (`?unit=Claims&unit=Retail`) are several values of one filter.
  const parsed = pilotListQuerySchema.parse(await searchParams);
  const [list, facets, gapTitle] = await Promise.all([
    listPilots(ctx, parsed),
    listPilotFacets(ctx),
    parsed.gap ? gapCriterionTitle(ctx, parsed.gap) : null,
  ]);
  // The page actually shown: a page past the end shows the last one.
  const query = { ...parsed, page: list.page };
  const href = (search: string) => orgPath(slug, `/pilots${search}`);
  const canWrite = can(ctx.role, "pilot:write");
  const filtered = hasPilotListFilters(query);
  // Filters the form has no control for, set by a link from the dashboard: said in words.
  const alsoFiltered = [
    query.teams.length > 0 && `team ${query.teams.join(" or ")}`,
    query.tags.length > 0 && `tag ${query.tags.join(" or ")}`,
  ].filter(Boolean);
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.items.length - 1;

  return (
    <>
      <PageHeader
        title={query.archived ? "Archived pilots" : "Pilots"}
        description={
          query.archived
            ? "Archived pilots are kept with their history and can be restored."
            : "Every AI pilot in the organisation, with its stage, latest readiness, owner and cost."
        }
        actions={
          canWrite && !query.archived ? (
            <>
              <ButtonLink variant="secondary" href={orgPath(slug, "/pilots/import")}>
                Import pilots
              </ButtonLink>
              <ButtonLink href={orgPath(slug, "/pilots/new")}>Register a pilot</ButtonLink>
            </>
          ) : undefined
        }
      />
      <PilotFilters query={query} businessUnits={facets.businessUnits} slug={slug} />
      {query.gap && (
        <p className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
          Below target on: <span className="font-medium">{gapTitle ?? query.gap}</span>
          {gapTitle && <span className="text-amber-800"> ({query.gap})</span>} · {plural(list.total, "pilot")}.{" "}
          <Link
            href={href(pilotListSearch(query, { gap: undefined }))}
            className="font-medium text-brand-700 hover:underline"
          >
            Clear this filter
          </Link>
        </p>
      )}
      {alsoFiltered.length > 0 && (
        <p className="mb-2 text-sm text-slate-600">
          Also filtered by {alsoFiltered.join("; ")}.{" "}
          <Link
            href={href(pilotListSearch(query, { teams: [], tags: [] }))}
            className="font-medium text-brand-700 hover:underline"
          >
            Clear
          </Link>
        </p>
      )}
      <p className="mb-3 text-sm text-slate-600" aria-live="polite">
        {list.total === 0
          ? "No pilots"
          : list.total === 1
            ? "1 pilot"
            : `Showing ${count(first)}–${count(last)} of ${count(list.total)} pilots`}
        {filtered && list.total > 0 ? (list.total === 1 ? " matches these filters" : " match these filters") : ""}.{" "}
        <Link
          href={href(pilotListSearch(query, { archived: !query.archived }))}
          className="font-medium text-brand-700 hover:underline"
        >
          {query.archived ? "Show active pilots" : "Show archived pilots"}
        </Link>
        {!query.archived && list.items.length > 0 && list.items.length <= MAX_BLANK_CHECKLISTS && (
          <>
            {" · "}
            {/* Preparing a workshop: filter the list to its pilots, then one workbook for all of them. */}
            <a
              href={orgApi(slug, `/pilots/checklist?${new URLSearchParams(list.items.map((p) => ["pilot", p.id]))}`)}
              className="font-medium text-brand-700 hover:underline"
              title="One sheet per pilot on this page, to fill in offline; each comes back through its assessment"
              download
            >
              {list.items.length === 1
                ? "Blank checklist for this pilot (Excel)"
                : `Blank checklists for these ${count(list.items.length)} pilots (Excel)`}
            </a>
          </>
        )}
      </p>
      <PilotTable
        pilots={list.items}
        currency={ctx.currency}
        slug={slug}
        query={query}
        empty={
          filtered ? (
            <EmptyState
              title="No pilots match these filters"
              action={
                <ButtonLink
                  href={href(pilotListSearch(DEFAULT_PILOT_LIST_QUERY, { archived: query.archived }))}
                  variant="secondary"
                >
                  Clear filters
                </ButtonLink>
              }
            >
              Try a shorter search or another stage.
            </EmptyState>
          ) : query.archived ? (
            <EmptyState title="No archived pilots">Pilots you archive appear here.</EmptyState>
          ) : list.archivedCount > 0 ? (
            <EmptyState
              title={
                list.archivedCount === 1
                  ? "The only pilot is archived"
                  : `All ${count(list.archivedCount)} pilots are archived`
              }
              action={
                <div className="flex flex-wrap justify-center gap-2">
                  <ButtonLink href={href(pilotListSearch(query, { archived: true }))} variant="secondary">
                    Open the archive
                  </ButtonLink>
                  {canWrite && <ButtonLink href={orgPath(slug, "/pilots/new")}>Register a pilot</ButtonLink>}
                </div>
              }
            >
              No pilot is active. Archived pilots keep their history and can be restored from the archive.
            </EmptyState>
          ) : (
            <EmptyState
              title="No pilots registered yet"
              action={
                canWrite ? (
                  <ButtonLink href={orgPath(slug, "/pilots/new")}>Register your first pilot</ButtonLink>
                ) : undefined
              }
            >
              Register each AI pilot your teams run: what it changes, who owns it and what it costs. Then score it
              against the production checklist.
            </EmptyState>
          )
        }
      />
      <Pagination page={list.page} pageCount={list.pageCount} href={(page) => href(pilotListSearch(query, { page }))} />
    </>
  );
}
