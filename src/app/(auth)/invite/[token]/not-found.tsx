import Link from "next/link";

/** Every invitation link that cannot be used: one message, whatever the reason, so a link tells nothing. */
export default function InvitationNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-bold">This invitation link does not work</h1>
      <p className="text-sm text-slate-600">
        It is invalid, has expired, was replaced by a newer one, was withdrawn, or was already used. Ask the person who
        invited you to send a new one.
      </p>
      <Link href="/signin" className="text-sm font-semibold text-brand-700 hover:underline">
        Go to sign in
      </Link>
    </div>
  );
}
