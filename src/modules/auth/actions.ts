"use server";

import { clientAddress } from "@/lib/client-address";
import { enforceRateLimits } from "@/lib/rate-limit";
import { publicAction, userAction } from "@/modules/access";
import { changePassword, setPasswordWithToken, signOutEverywhere, signUp, signUpWithInvitation } from "./accounts";
import { issueEmailVerification, verifyEmail } from "./email-verification";
import { VERIFY_RESEND_PER_ACCOUNT } from "./limits";
import { requestPasswordReset } from "./password-reset";
import {
  changePasswordSchema,
  forgotPasswordSchema,
  invitationSignUpSchema,
  resendVerificationSchema,
  setPasswordSchema,
  signOutEverywhereSchema,
  signUpSchema,
  verifyEmailSchema,
} from "./schemas";

/**
 * Creates the account and its organisation and mails the link that confirms the address; the
 * form then signs in and opens the organisation (saying so when the mail could not be sent).
 */
export const signUpAction = publicAction({ name: "signUp", input: signUpSchema }, async ({ input }) => {
  const { userId, organizationSlug } = await signUp(input, { address: await clientAddress() });
  const { sent } = await issueEmailVerification(userId);
  return { ok: true, data: { organizationSlug, verificationSent: sent } };
});

/**
 * Creates the account on an invitation's page and joins its organisation; the form then signs in
 * with the new password and opens the organisation.
 */
export const signUpWithInvitationAction = publicAction(
  { name: "signUpWithInvitation", input: invitationSignUpSchema },
  async ({ input }) => ({ ok: true, data: await signUpWithInvitation(input, { address: await clientAddress() }) }),
);

/** Confirms the email address with the mailed link. */
export const verifyEmailAction = publicAction({ name: "verifyEmail", input: verifyEmailSchema }, async ({ input }) => ({
  ok: true,
  data: await verifyEmail(input, { address: await clientAddress() }),
}));

/** Mails a new confirmation link (the previous one stops working). */
export const resendVerificationAction = userAction(
  { name: "resendVerification", input: resendVerificationSchema },
  async ({ user }) => {
    if (user.emailVerified) return { ok: true, data: { sent: false, alreadyVerified: true } };
    await enforceRateLimits([{ policy: VERIFY_RESEND_PER_ACCOUNT, subject: user.id }]);
    const { sent } = await issueEmailVerification(user.id);
    if (!sent)
      return { ok: false, code: "INTERNAL", message: "The mail could not be sent. Please try again in a few minutes." };
    return { ok: true, data: { sent, alreadyVerified: false } };
  },
);

export const setPasswordAction = publicAction({ name: "setPassword", input: setPasswordSchema }, async ({ input }) => ({
  ok: true,
  data: await setPasswordWithToken(input, { address: await clientAddress() }),
}));

/** Changes the password; every other session of the account ends. */
export const changePasswordAction = userAction(
  { name: "changePassword", input: changePasswordSchema },
  async ({ user, input }) => ({
    ok: true,
    data: await changePassword({ userId: user.id, sessionId: user.sessionId }, input),
  }),
);

/** Ends every session of the account, this one included; the page then clears its cookie. */
export const signOutEverywhereAction = userAction(
  { name: "signOutEverywhere", input: signOutEverywhereSchema },
  async ({ user }) => ({ ok: true, data: await signOutEverywhere(user.id) }),
);

/**
 * Mails a reset link when the address has an account. The answer is the same either way; the
 * mail leaves after it (a failure is logged by requestPasswordReset).
 */
export const requestPasswordResetAction = publicAction(
  { name: "requestPasswordReset", input: forgotPasswordSchema },
  async ({ input }) => {
    const { delivery } = await requestPasswordReset(input, { address: await clientAddress() });
    delivery.catch(() => {}); // already logged; the requester is not told either way
    return { ok: true };
  },
);
