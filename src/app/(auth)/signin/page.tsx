import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { getSessionUser } from "@/modules/access";
import { ssoEnabled } from "@/modules/auth";
import { SignInForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <Suspense>
      <SignInForm sso={ssoEnabled() ? env.OIDC_NAME : null} />
    </Suspense>
  );
}
