"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { path: "/dashboard", label: "Dashboard" },
  { path: "/pilots", label: "Pilots" },
  { path: "/workshops", label: "Workshops" },
  { path: "/settings", label: "Settings" },
];

export function NavLinks({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1">
      {LINKS.map(({ path, label }) => ({ href: `/o/${slug}${path}`, label })).map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
