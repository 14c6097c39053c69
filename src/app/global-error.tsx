"use client";

import "./globals.css";
import ErrorPage from "./error";

/** When even the root layout fails: the same page, with its own html and body. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
