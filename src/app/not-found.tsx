import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/shell/status-page";
import { buttonClass } from "@/components/ui/button";
import { getSessionUser } from "@/modules/access";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Every "not found" — an unknown address, a pilot that does not exist, or one in an
 * organisation you are not a member of (which is answered exactly the same way).
 */
export default async function NotFound() {
  const user = await getSessionUser();
  return (
    <StatusPage
      code="404"
      title="We could not find that page"
      actions={
        user ? (
          <Link href="/" className={buttonClass("primary")}>
            Back to your dashboard
          </Link>
        ) : (
          <Link href="/signin" className={buttonClass("primary")}>
            Sign in
          </Link>
        )
      }
    >
      <p>
        The link may be mistyped or out of date, or the page belongs to an organisation you are not a member of. If
        someone sent it to you, ask them to check it.
      </p>
    </StatusPage>
  );
}
