"use client";

import { useRef } from "react";
import type { MembershipSummary } from "../context";
import { switchOrganizationAction } from "../actions";
import { roleLabel } from "../roles";

/** Switches the active organisation. Without JavaScript the button submits the form. */
export function OrgSwitcher({ memberships, activeId }: { memberships: MembershipSummary[]; activeId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  if (memberships.length < 2) {
    const only = memberships[0];
    return <span className="truncate text-sm font-semibold text-slate-800">{only?.organizationName}</span>;
  }
  return (
    <form ref={formRef} action={switchOrganizationAction} className="flex items-center gap-2">
      <label htmlFor="org-switcher" className="sr-only">
        Organisation
      </label>
      <select
        id="org-switcher"
        name="organizationId"
        defaultValue={activeId}
        onChange={() => formRef.current?.requestSubmit()}
        className="max-w-56 rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300"
      >
        {memberships.map((m) => (
          <option key={m.organizationId} value={m.organizationId}>
            {m.organizationName} ({roleLabel(m.role)})
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="text-sm underline">
          Switch
        </button>
      </noscript>
    </form>
  );
}
