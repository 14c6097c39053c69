import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { normalizeWorkshopCode } from "@/modules/access";
import { CodeForm } from "@/modules/workshops/components/code-form";

export const metadata: Metadata = { title: "Join a workshop" };

/** Where a participant types the code shown on the facilitator's screen. */
export default async function JoinByCodePage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { code: raw } = await searchParams;
  const typed = typeof raw === "string" ? raw : undefined;
  const code = normalizeWorkshopCode(typed);
  if (code) redirect(`/w/${code}`);
  return (
    <main className="mx-auto min-h-screen w-full max-w-xl px-4 py-5">
      <div className="mb-5">
        <Logo />
      </div>
      <h1 className="mb-4 text-2xl font-bold text-slate-900">Join a workshop</h1>
      {typed !== undefined && (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 p-4 font-medium text-amber-950 ring-1 ring-amber-200">
          “{typed.slice(0, 40)}” is not a workshop code. A code has six letters and digits, as on the facilitator&apos;s
          screen.
        </p>
      )}
      <CodeForm />
    </main>
  );
}
