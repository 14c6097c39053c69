import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/modules/access";
import { SignUpForm } from "@/modules/auth/components/auth-forms";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/");
  return <SignUpForm />;
}
