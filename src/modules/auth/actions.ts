"use server";

import { clientAddress } from "@/lib/client-address";
import { publicAction, userAction } from "@/modules/access";
import { changePassword, setPasswordWithToken, signOutEverywhere, signUp } from "./accounts";
import { changePasswordSchema, setPasswordSchema, signOutEverywhereSchema, signUpSchema } from "./schemas";

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
