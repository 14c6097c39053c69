import Link from "next/link";
import { Logo } from "@/components/logo";

/** The frame of the 404 and error pages: the brand, what happened, and a way back. */
export function StatusPage({
  code,
  title,
  children,
  actions,
}: {
  code: string;
  title: string;
  children: React.ReactNode;
  actions: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12 text-center">
      <Link href="/" aria-label="Preflight home" className="mb-10">
        <Logo />
      </Link>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{code}</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      <div className="mt-3 max-w-md text-slate-600">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
    </main>
  );
}
