import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/modules/orgs/context";
import { SignUpForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSignedInUser()) redirect("/dashboard");
  return <SignUpForm />;
}
