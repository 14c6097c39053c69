import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/modules/access";
import { SignInForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}
