"use client";

import { useRouter } from "next/navigation";
import { orgPath, roleLabel, type MembershipSummary } from "@/modules/access/shared";

/**
 * Opens another organisation. Each organisation has its own URLs, so switching is navigation:
 * the other tabs stay where they are. Without JavaScript, the list of links below is used.
 *
 * Names are shown whole: a closed <select> can only show its chosen option on one line, cut at
 * its edge, so what shows is the current organisation's name — wrapping when it is long — with
 * the role beside it, and the native select lies invisibly over it (it keeps the keyboard, the
 * screen reader's combobox and the phone's own picker, whose options also say the role).
 */
export function OrgSwitcher({ memberships, activeSlug }: { memberships: MembershipSummary[]; activeSlug: string }) {
  const router = useRouter();
  const active = memberships.find((m) => m.organizationSlug === activeSlug) ?? memberships[0];
  if (memberships.length < 2) {
    return (
      <span className="min-w-0 text-sm font-semibold text-slate-800 [overflow-wrap:anywhere]">
        {active?.organizationName}
      </span>
    );
  }
  return (
    <>
      <div className="relative flex min-w-0 max-w-full flex-1 items-baseline gap-2 rounded-md bg-white py-1.5 pr-8 pl-2.5 ring-1 ring-slate-300 ring-inset focus-within:ring-2 focus-within:ring-brand-600 hover:bg-slate-50 sm:flex-none">
        <span aria-hidden="true" className="min-w-0 text-sm font-semibold text-slate-800 [overflow-wrap:anywhere]">
          {active?.organizationName}
        </span>
        {active && (
          <span aria-hidden="true" className="shrink-0 text-xs text-slate-500">
            {roleLabel(active.role)}
          </span>
        )}
        <svg
          aria-hidden="true"
          viewBox="0 0 12 12"
          className="pointer-events-none absolute top-1/2 right-2.5 h-3 w-3 -translate-y-1/2 text-slate-500"
          fill="currentColor"
        >
          <path d="M6 8.5 2.5 4.5h7z" />
        </svg>
        <label htmlFor="org-switcher" className="sr-only">
          Organisation
        </label>
        <select
          id="org-switcher"
          value={activeSlug}
          onChange={(e) => router.push(orgPath(e.target.value))}
          className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-md opacity-0"
        >
          {memberships.map((m) => (
            <option key={m.organizationSlug} value={m.organizationSlug}>
              {m.organizationName} · {roleLabel(m.role)}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <ul className="text-sm">
          {memberships.map((m) => (
            <li key={m.organizationSlug}>
              <a href={orgPath(m.organizationSlug)}>{m.organizationName}</a>
            </li>
          ))}
        </ul>
      </noscript>
    </>
  );
}
