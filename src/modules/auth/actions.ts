"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/action";
import { setPasswordWithToken, signUp } from "./accounts";

export async function signUpAction(input: Record<string, unknown>): Promise<ActionState> {
  return runAction("signUp", async () => {
    await signUp(input);
  });
}

export async function setPasswordAction(input: Record<string, unknown>): Promise<ActionState<{ email: string }>> {
  return runAction("setPassword", async () => ({ ok: true, data: await setPasswordWithToken(input) }));
}
