import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Logo } from "@/components/logo";
import { Card, EmptyState } from "@/components/ui/card";
import { outboxPageEnabled, readOutbox } from "@/modules/mail";

export const metadata: Metadata = { title: "Outbox (development)", referrer: "no-referrer", robots: "noindex" };

/**
 * The mails the app would have sent, when no SMTP server is configured (SMTP_URL unset), so a
 * developer can follow a verification or reset link. It exists only outside production
 * deployments (see outboxPageEnabled); in production it is "not found" like any unknown page.
 */
export default async function OutboxPage() {
  if (!outboxPageEnabled()) notFound();
  const mails = await readOutbox();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <Logo />
      <h1 className="mt-8 text-2xl font-bold">Outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        No mail server is configured (<code>SMTP_URL</code>), so mails are kept here and in the server log instead of
        being sent. This page does not exist in production.
      </p>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet">Mails the app sends appear here, newest first.</EmptyState>
      ) : (
        <ol className="mt-6 space-y-4">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Card className="p-5">
                <article aria-label={`Mail to ${mail.to}: ${mail.subject}`}>
                  <h2 className="font-semibold">{mail.subject}</h2>
                  <p className="mt-1 text-sm text-slate-600">
                    To {mail.to} · {mail.sentAt.replace("T", " ").slice(0, 19)} UTC
                  </p>
                  <pre className="mt-3 whitespace-pre-wrap break-words text-sm">{mail.text}</pre>
                </article>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
