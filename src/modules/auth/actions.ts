"use server";

import { publicAction } from "@/modules/access";
import { setPasswordWithToken, signUp } from "./accounts";
import { setPasswordSchema, signUpSchema } from "./schemas";

/** Creates the account and its organisation; the form then signs in and opens it. */
export const signUpAction = publicAction({ name: "signUp", input: signUpSchema }, async ({ input }) => {
  const { organizationSlug } = await signUp(input);
  return { ok: true, data: { organizationSlug } };
});

export const setPasswordAction = publicAction({ name: "setPassword", input: setPasswordSchema }, async ({ input }) => ({
  ok: true,
  data: await setPasswordWithToken(input),
}));
