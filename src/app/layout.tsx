import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Preflight", template: "%s · Preflight" },
  description: "Get AI pilots into production: score each pilot's production readiness and close the gaps.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The Content-Security-Policy allows only scripts with this request's nonce (src/proxy.ts):
  // reading the request makes every page render per request, so Next can put the nonce on its
  // scripts — a page rendered once at build time would carry none and be blocked.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
