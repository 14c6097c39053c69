import Link from "next/link";
import { Logo } from "@/components/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { OrgSwitcher } from "@/modules/orgs/components/org-switcher";
import { Suspense } from "react";
import { FlashToast, Toaster } from "@/components/ui/toast";
import { Notice } from "@/components/ui/card";
import { orgPage, orgPath, roleLabel } from "@/modules/access";

/** Messages a server action announces after its redirect (`?toast=key`), shown once as a toast. */
const FLASH = {
  "pilot-created": "Pilot registered.",
  "pilot-saved": "Changes saved.",
  "draft-created": "Draft created: an exact copy. Edit it, then publish it; nothing changes for anyone until you do.",
  "version-published": "Version published. New assessments use it; those already started keep their version.",
  "draft-deleted": "Draft deleted.",
  "assessment-discarded": "Assessment discarded. It stays in the pilot's history and counts in no score.",
  "workshop-closed": "Workshop closed. The agreed levels are written into each pilot's assessment.",
  "verification-not-sent":
    "Your account is ready, but the mail to confirm your address could not be sent. Send it again from Account.",
};

// The shell needs the user to draw itself; every page and action still checks access itself
// (layouts do not run for server actions, and may not re-run on client navigation).
export default async function OrgLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  const ctx = await orgPage(params);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        {/* On a phone: the logo and Sign out, then the organisation on a line of its own (its name
            whole), then the main navigation. From sm up, one row that wraps when names are long. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href={orgPath(ctx.organizationSlug)} aria-label="Preflight dashboard" className="order-1">
            <Logo />
          </Link>
          <nav aria-label="Main" className="order-4 w-full sm:order-2 sm:w-auto">
            <NavLinks slug={ctx.organizationSlug} />
          </nav>
          <div className="order-3 flex w-full min-w-0 items-center gap-2 sm:ml-auto sm:w-auto">
            <OrgSwitcher memberships={ctx.memberships} activeSlug={ctx.organizationSlug} />
            <Link
              href="/orgs"
              className="shrink-0 rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100 hover:underline"
            >
              {ctx.memberships.length > 1 ? "All organisations" : "Organisations"}
            </Link>
          </div>
          <div className="order-2 ml-auto flex items-center gap-3 sm:order-4 sm:ml-0">
            <span className="hidden text-sm text-slate-500 md:inline" title={ctx.userEmail}>
              {ctx.userName}
              {/* With several organisations the switcher shows the role beside the organisation's name. */}
              {ctx.memberships.length < 2 && ` · ${roleLabel(ctx.role)}`}
            </span>
            <Link
              href="/account"
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              Account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {!ctx.userEmailVerified && (
          <div className="mb-6">
            <Notice tone="info">
              Confirm your email address ({ctx.userEmail}): open the link Preflight mailed you. Until then, an
              invitation mailed to this address lets whoever opens it take the account over.{" "}
              <Link href="/account" className="font-semibold underline">
                Send it again
              </Link>
            </Notice>
          </div>
        )}
        {children}
      </main>
      <Toaster />
      <Suspense>
        <FlashToast messages={FLASH} />
      </Suspense>
    </div>
  );
}
