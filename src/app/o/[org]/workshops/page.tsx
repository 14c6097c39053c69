import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, type TableColumn } from "@/components/ui/table";
import { formatDate, toDateInput } from "@/lib/format";
import { orgPage, orgPath } from "@/modules/access";
import { listWorkshops, workshopSetupOptions, type WorkshopListItem } from "@/modules/workshops";
import { CreateWorkshopForm } from "@/modules/workshops/components/create-workshop-form";
import { StatusBadge } from "@/modules/workshops/components/status-badge";

export const metadata: Metadata = { title: "Workshops" };

export default async function WorkshopsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params, "assessment:write");
  const workshops = await listWorkshops(ctx);
  const options = ctx.allowed ? await workshopSetupOptions(ctx) : null;

  const columns: TableColumn<WorkshopListItem>[] = [
    {
      key: "title",
      header: "Workshop",
      cell: (w) => (
        <Link
          href={orgPath(ctx.organizationSlug, `/workshops/${w.id}`)}
          className="font-medium text-brand-700 hover:underline"
        >
          {w.title}
        </Link>
      ),
    },
    { key: "date", header: "Date", className: "whitespace-nowrap", cell: (w) => formatDate(w.date) },
    { key: "status", header: "Status", cell: (w) => <StatusBadge status={w.status} /> },
    { key: "pilots", header: "Pilots", cell: (w) => w.pilots.join(", ") },
    {
      key: "agreed",
      header: "Agreed",
      align: "right",
      className: "tabular-nums",
      cell: (w) => `${w.agreed} of ${w.items}`,
    },
    { key: "people", header: "Participants", align: "right", className: "tabular-nums", cell: (w) => w.participants },
  ];

  return (
    <div className="space-y-8">
      <PageHeader
        title="Workshops"
        description="Live discovery sessions: everyone votes privately from their phone, you reveal the votes together, the room agrees a level. Closing a workshop turns the agreed levels into assessments."
      />
      {workshops.length === 0 ? (
        <EmptyState title="No workshops yet">Set one up below, then open it when the room is ready.</EmptyState>
      ) : (
        <Table columns={columns} rows={workshops} rowKey={(w) => w.id} caption="Workshops" />
      )}
      {options && (
        <Card className="p-4 sm:p-6">
          <h2 className="mb-4 text-base font-semibold">New workshop</h2>
          <CreateWorkshopForm options={options} today={toDateInput(new Date())} />
        </Card>
      )}
    </div>
  );
}
