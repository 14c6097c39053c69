"use client";
// The access module's entry for client components: the organisation in the current URL.
import { useParams } from "next/navigation";

/** The slug of the organisation in the current URL (`/o/{org}/…`), to pass to server actions. */
export function useOrgSlug(): string {
  const params = useParams<{ org?: string }>();
  if (!params?.org) throw new Error("useOrgSlug() is only for pages under /o/{org}");
  return params.org;
}
