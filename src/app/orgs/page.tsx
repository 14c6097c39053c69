import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { Card } from "@/components/ui/card";
import { Toaster } from "@/components/ui/toast";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { can, orgPath, userPage } from "@/modules/access";
import { listCopyableVersions, listOrganizationOverviews } from "@/modules/clients";
import { CopyFrameworkForm } from "@/modules/clients/components/copy-framework-form";
import { OrganizationOverviewTable } from "@/modules/clients/components/organization-overview";
import { NewOrganizationForm } from "@/modules/orgs/components/member-forms";

export const metadata: Metadata = { title: "Your organisations" };

/**
 * Every organisation of the signed-in person on one page: for a consultant, every client side by
 * side, each linking into its dashboard; a new client organisation; a checklist reused from one
 * organisation in another.
 */
export default async function OrganizationsPage() {
  const user = await userPage();
  const [overviews, versions] = await Promise.all([listOrganizationOverviews(user), listCopyableVersions(user)]);
  const home = user.memberships[0];
  const targets = user.memberships
    .filter((m) => can(m.role, "framework:manage"))
    .map((m) => ({ slug: m.organizationSlug, name: m.organizationName }));
  const sources = user.memberships
    .filter((m) => versions.some((v) => v.organizationSlug === m.organizationSlug))
    .map((m) => ({ slug: m.organizationSlug, name: m.organizationName }));

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <div className="flex items-center justify-between gap-4">
        <Link href={home ? orgPath(home.organizationSlug) : "/welcome"} aria-label="Back to Preflight">
          <Logo />
        </Link>
        <div className="flex items-center gap-2">
          <Link
            href="/account"
            className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            Account
          </Link>
          <SignOutButton />
        </div>
      </div>
      <h1 className="mt-8 text-2xl font-bold">Your organisations</h1>
      <p className="mt-1 text-sm text-slate-600">
        Each organisation&apos;s pilots at a glance, with the same figures as its dashboard (retired pilots left out).
      </p>

      <div className="mt-6">
        {overviews.length === 0 ? (
          <p className="text-sm text-slate-600">You are not in any organisation yet. Create one below.</p>
        ) : (
          <OrganizationOverviewTable overviews={overviews} />
        )}
      </div>

      <Card className="mt-8 p-6">
        <h2 className="text-lg font-semibold">New client organisation</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          You become its owner; it starts with the standard checklist. Invite the client&apos;s people from its
          settings.
        </p>
        <NewOrganizationForm label="Client organisation's name" />
      </Card>

      {targets.length > 0 && sources.length > 0 && user.memberships.length > 1 && (
        <Card className="mt-6 p-6">
          <h2 className="text-lg font-semibold">Reuse a checklist</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Copy a published framework version from one of your organisations into another, where it becomes a draft to
            review and publish. Assessments there change only once it is published.
          </p>
          <CopyFrameworkForm sources={sources} versions={versions} targets={targets} />
        </Card>
      )}
      <Toaster />
    </main>
  );
}
