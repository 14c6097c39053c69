"use server";

import { clientAddress } from "@/lib/client-address";
import { publicAction, userAction } from "@/modules/access";
import { changePassword, setPasswordWithToken, signOutEverywhere, signUp } from "./accounts";
import { requestPasswordReset } from "./password-reset";
import {
  changePasswordSchema,
  forgotPasswordSchema,
  setPasswordSchema,
  signOutEverywhereSchema,
  signUpSchema,
} from "./schemas";

/** Creates the account and its organisation; the form then signs in and opens it. */
export const signUpAction = publicAction({ name: "signUp", input: signUpSchema }, async ({ input }) => {
  const { organizationSlug } = await signUp(input, { address: await clientAddress() });
  return { ok: true, data: { organizationSlug } };
});

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
