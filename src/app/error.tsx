"use client";

import Link from "next/link";
import { StatusPage } from "@/components/shell/status-page";
import { buttonClass } from "@/components/ui/button";

/** An unexpected error while rendering a page: logged on the server, answered plainly here. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Something went wrong"
      title="This page could not be shown"
      actions={
        <>
          <button type="button" onClick={reset} className={buttonClass("primary")}>
            Try again
          </button>
          <Link href="/" className={buttonClass("secondary")}>
            Back to your dashboard
          </Link>
        </>
      }
    >
      <p>
        Something went wrong on our side and it has been logged. Try again in a moment.
        {error.digest && (
          <span className="mt-2 block text-xs text-slate-500">
            If it keeps happening, quote this reference: <code>{error.digest}</code>
          </span>
        )}
      </p>
    </StatusPage>
  );
}
