import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { isAppError } from "@/lib/errors";
import { getSessionUser, normalizeWorkshopCode, readWorkshopGuest } from "@/modules/access";
import { findWorkshopByCode, getParticipantState } from "@/modules/workshops";
import { JoinForm } from "@/modules/workshops/components/join-form";
import { ParticipantView } from "@/modules/workshops/components/participant-view";
import { CodeForm } from "@/modules/workshops/components/code-form";

export const metadata: Metadata = { title: "Workshop" };

/**
 * A participant's page, phone first: the join form, then the live view. The guest cookie is
 * scoped to this path, so the code is always in its canonical form here.
 */
export default async function ParticipantPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = normalizeWorkshopCode(decodeURIComponent(raw));
  if (code && code !== raw) redirect(`/w/${code}`);

  const guest = code ? await readWorkshopGuest(code) : null;
  let body: React.ReactNode;
  if (guest) {
    const state = (await getParticipantState(guest, null))!;
    body = <ParticipantView code={guest.code} initial={state} />;
  } else {
    const found = await findWorkshopByCode(code);
    if (isAppError(found)) {
      body = (
        <div className="space-y-6">
          <p
            role="alert"
            className="rounded-lg bg-amber-50 p-4 text-base font-medium text-amber-950 ring-1 ring-amber-200"
          >
            {found.message}
          </p>
          <CodeForm />
        </div>
      );
    } else {
      const user = await getSessionUser();
      const member = user?.memberships.some((m) => m.organizationId === found.organizationId) ? user : null;
      body = (
        <div className="space-y-4">
          <h1 className="text-2xl font-bold text-slate-900">{found.title}</h1>
          <p className="text-slate-600">Vote privately from your phone; the facilitator reveals the votes together.</p>
          <JoinForm code={found.code} memberName={member?.name ?? null} />
        </div>
      );
    }
  }
  return (
    <main className="mx-auto min-h-screen w-full max-w-xl px-4 py-5">
      <Link href="/w" className="mb-5 inline-block" aria-label="Preflight: join a workshop">
        <Logo />
      </Link>
      {body}
    </main>
  );
}
