import { Fragment } from "react";
import Link from "next/link";

/** Where a page sits: links up the hierarchy, then the current page (aria-current). */
export function Breadcrumbs({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      {trail.map((step) => (
        <Fragment key={step.href}>
          <Link href={step.href} className="text-brand-700 hover:underline">
            {step.label}
          </Link>
          <span aria-hidden="true" className="mx-2 text-slate-400">
            /
          </span>
        </Fragment>
      ))}
      <span aria-current="page" className="text-slate-600">
        {current}
      </span>
    </nav>
  );
}
