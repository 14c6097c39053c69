import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { getOrgContext } from "@/modules/orgs/context";
import { OrganizationNameForm } from "@/modules/orgs/components/member-forms";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "Welcome" };

/** Where a signed-in user with no organisation lands (e.g. after being removed from their only one). */
export default async function WelcomePage() {
  const ctx = await getOrgContext();
  if (ctx === null) redirect("/signin");
  if (ctx !== "no-organization") redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4">
      <Logo />
      <h1 className="mt-8 text-2xl font-bold">You are not in any organisation</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an admin to add you to theirs, or create a new one.</p>
      <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <OrganizationNameForm create label="Organisation name" />
      </div>
      <div className="mt-4">
        <SignOutButton />
      </div>
    </main>
  );
}
