import type { Metadata } from "next";
import { Logo } from "@/components/logo";
import { redirectToLastOrg, userPage } from "@/modules/access";
import { NewOrganizationForm } from "@/modules/orgs/components/member-forms";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "Welcome" };

/** Where a signed-in user with no organisation lands (e.g. after being removed from their only one). */
export default async function WelcomePage() {
  const user = await userPage();
  if (user.memberships.length > 0) await redirectToLastOrg();
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4">
      <Logo />
      <h1 className="mt-8 text-2xl font-bold">You are not in any organisation</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an admin to invite you to theirs, or create a new one.</p>
      <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <NewOrganizationForm />
      </div>
      <div className="mt-4">
        <SignOutButton />
      </div>
    </main>
  );
}
