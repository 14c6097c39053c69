"use client";

import { useRouter } from "next/navigation";
import { orgPath, roleLabel, type MembershipSummary } from "@/modules/access/shared";

/**
 * Opens another organisation. Each organisation has its own URLs, so switching is navigation:
 * the other tabs stay where they are. Without JavaScript, the list of links below is used.
 */
export function OrgSwitcher({ memberships, activeSlug }: { memberships: MembershipSummary[]; activeSlug: string }) {
  const router = useRouter();
  if (memberships.length < 2) {
    const only = memberships[0];
    return <span className="text-sm font-semibold text-slate-800">{only?.organizationName}</span>;
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="org-switcher" className="sr-only">
        Organisation
      </label>
      <select
        id="org-switcher"
        value={activeSlug}
        onChange={(e) => router.push(orgPath(e.target.value))}
        className="max-w-[16rem] rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300"
      >
        {memberships.map((m) => (
          <option key={m.organizationSlug} value={m.organizationSlug}>
            {m.organizationName} · {roleLabel(m.role)}
          </option>
        ))}
      </select>
      <noscript>
        <ul className="text-sm">
          {memberships.map((m) => (
            <li key={m.organizationSlug}>
              <a href={orgPath(m.organizationSlug)}>{m.organizationName}</a>
            </li>
          ))}
        </ul>
      </noscript>
    </div>
  );
}
