/** Mail texts: short, saying what happened, what to do and what to do if it was not you. */
import { formatDateTime } from "@/lib/format";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function layout(paragraphs: string[], link: { href: string; label: string }, after: string[]): string {
  const p = (t: string) => `<p style="margin:0 0 16px">${escapeHtml(t)}</p>`;
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
${paragraphs.map(p).join("\n")}
<p style="margin:0 0 16px"><a href="${escapeHtml(link.href)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(link.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#475569">Or copy this link into your browser:<br>${escapeHtml(link.href)}</p>
${after.map(p).join("\n")}
</body></html>`;
}

export function passwordResetMail(to: string, link: string) {
  const intro = "Someone (hopefully you) asked to reset the password of your Preflight account.";
  const todo = "To choose a new password, open this link within 1 hour. It works once.";
  const notYou =
    "If you did not ask for this, ignore this mail: your password stays as it is. Signing in with the new password signs out every other session.";
  return {
    to,
    subject: "Reset your Preflight password",
    text: `${intro}\n\n${todo}\n\n${link}\n\n${notYou}\n`,
    html: layout([intro, todo], { href: link, label: "Choose a new password" }, [notYou]),
  };
}

export function emailVerificationMail(to: string, link: string) {
  const intro = "Welcome to Preflight. Please confirm that this is your email address.";
  const todo = "Open this link within 24 hours and press “Confirm my email address”. It works once.";
  const why =
    "Until you confirm, an invitation mailed to this address lets whoever opens it take the account over. If you did not create a Preflight account, ignore this mail.";
  return {
    to,
    subject: "Confirm your email address for Preflight",
    text: `${intro}\n\n${todo}\n\n${link}\n\n${why}\n`,
    html: layout([intro, todo], { href: link, label: "Confirm my email address" }, [why]),
  };
}

export interface InvitationMailFacts {
  organizationName: string;
  inviterName: string;
  inviterEmail: string;
  /** The role as people read it ("Editor"). */
  roleLabel: string;
  /** What the role may do, in one sentence. */
  roleDescription: string;
  link: string;
  expiresAt: Date;
}

export function invitationMail(to: string, facts: InvitationMailFacts) {
  const does = facts.roleDescription.charAt(0).toLowerCase() + facts.roleDescription.slice(1);
  const intro = `${facts.inviterName} (${facts.inviterEmail}) invited you to join ${facts.organizationName} on Preflight, with the role ${facts.roleLabel} (${does}).`;
  const todo = `To accept, open this link and sign in as ${to}, or create your account there. The link expires on ${formatDateTime(facts.expiresAt)} and works once.`;
  const notYou =
    "You join only if you accept. If you did not expect this invitation, ignore this mail: nothing happens and the link expires by itself.";
  return {
    to,
    subject: `${facts.inviterName} invited you to ${facts.organizationName} on Preflight`,
    text: `${intro}\n\n${todo}\n\n${facts.link}\n\n${notYou}\n`,
    html: layout([intro, todo], { href: facts.link, label: `Join ${facts.organizationName}` }, [notYou]),
  };
}
