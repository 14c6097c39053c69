import "server-only";
import { db } from "@/lib/db";
import { setPasswordWithToken, signUp } from "@/modules/auth/accounts";
import { addMember } from "@/modules/orgs/service";
import type { Actor } from "@/modules/orgs/roles";
import { createPilot, updatePilot } from "@/modules/pilots/service";
import { DEMO_LOGIN, DEMO_ORGANIZATION, DEMO_PILOTS, DEMO_VIEWER } from "./demo-data";

const DAY = 86_400_000;

/** True when the database has no organisations yet: the first run. */
export async function isEmptyDatabase(): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

/**
 * The demo organisation: its owner (the printed demo login), an executive viewer and a dozen
 * pilots whose stage histories reach back up to two years. Everything goes through the services.
 */
export async function seedDemo(now = new Date()): Promise<{ organizationId: string }> {
  const { userId, organizationId } = await signUp({ ...DEMO_LOGIN, organizationName: DEMO_ORGANIZATION });
  const owner: Actor = { userId, organizationId, role: "OWNER" };

  const viewer = await addMember(owner, { email: DEMO_VIEWER.email, name: DEMO_VIEWER.name, role: "VIEWER" });
  const token = viewer.setPasswordPath?.split("/").pop();
  if (token)
    await setPasswordWithToken({ token, password: DEMO_VIEWER.password, confirmPassword: DEMO_VIEWER.password });

  for (const pilot of DEMO_PILOTS) {
    const [[firstStage, firstDaysAgo], ...later] = pilot.history as [
      [typeof pilot.values.stage, number],
      ...[typeof pilot.values.stage, number][],
    ];
    const { id } = await createPilot(
      owner,
      { ...pilot.values, stage: firstStage },
      { now: new Date(now.getTime() - firstDaysAgo * DAY) },
    );
    let version = 1;
    for (const [stage, daysAgo] of later) {
      ({ version } = await updatePilot(
        owner,
        id,
        { ...pilot.values, stage, expectedVersion: version },
        { now: new Date(now.getTime() - daysAgo * DAY) },
      ));
    }
  }
  return { organizationId };
}
