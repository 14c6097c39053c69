import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/modules/orgs/context";
import { SignInForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSignedInUser()) redirect("/dashboard");
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}
