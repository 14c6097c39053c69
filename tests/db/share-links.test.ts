/**
 * Share links: who may create and revoke them, what a token opens (and when it stops), the
 * passcode, the one view a link shows, and the counts of opens. The public routes are called as
 * Next calls them, with the request's cookies.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { GET as sharedPdf } from "@/app/s/[token]/report.pdf/route";
import { POST as unlock } from "@/app/s/[token]/unlock/route";
import { db } from "@/lib/db";
import { archivePilot } from "@/modules/pilots";
import { createAccount, createMember, createTestPilot, type TestAccount } from "@/modules/demo";
import { withRequest } from "../support/next-headers";
import {
  checkPasscode,
  createShareLink,
  isPasscodeProof,
  listShareLinks,
  passcodeProof,
  recordShareOpen,
  resolveShareLink,
  revokeShareLink,
  SHARE_COOKIE,
} from "@/modules/sharing";

let owner: TestAccount;
let stranger: TestAccount;
let pilotA: { id: string };
let pilotB: { id: string };

beforeAll(async () => {
  owner = await createAccount({ organizationName: "Share Test" });
  stranger = await createAccount({ organizationName: "Someone Else" });
  pilotA = await createTestPilot(owner, { name: "Alpha claims", businessUnit: "Claims" });
  pilotB = await createTestPilot(owner, { name: "Bravo retail", businessUnit: "Retail" });
});

const DAY = 86_400_000;

async function pdfOf(token: string, options: { query?: string; cookie?: string } = {}) {
  const request = new Request(`http://localhost/s/${token}/report.pdf${options.query ?? ""}`);
  const response = await withRequest({ cookies: options.cookie ? { [SHARE_COOKIE]: options.cookie } : {} }, () =>
    sharedPdf(request, { params: Promise.resolve({ token }) }),
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  const text =
    response.status === 200 ? (await extractText(new Uint8Array(bytes), { mergePages: true })).text : bytes.toString();
  return { status: response.status, type: response.headers.get("content-type"), text, response };
}

describe("creating a link", () => {
  it("stores only the token's SHA-256, and the token has 256 random bits", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD", filters: "" });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/s/${link.token}`);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const other = await createShareLink(owner, { kind: "DASHBOARD" });
    expect(other.token).not.toBe(link.token);
  });

  it("expires after 30 days by default and at most after a year", async () => {
    const now = new Date("2026-11-01T00:00:00Z");
    const link = await createShareLink(owner, { kind: "DASHBOARD" }, now);
    expect(link.expiresAt.getTime() - now.getTime()).toBe(30 * DAY);
    const year = await createShareLink(owner, { kind: "DASHBOARD", expiresInDays: 365 }, now);
    expect(year.expiresAt.getTime() - now.getTime()).toBe(365 * DAY);
    const before = await db.shareLink.count();
    for (const expiresInDays of [366, 0, -3, 1.5]) {
      await expect(createShareLink(owner, { kind: "DASHBOARD", expiresInDays })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { expiresInDays: expect.any(Array) },
      });
    }
    await expect(createShareLink(owner, { kind: "DASHBOARD", passcode: "abc" })).rejects.toMatchObject({
      fieldErrors: { passcode: expect.any(Array) },
    });
    expect(await db.shareLink.count()).toBe(before);
  });

  it("is for admins and owners only: viewers and editors are refused (403)", async () => {
    const viewer = await createMember(owner, "VIEWER");
    const editor = await createMember(owner, "EDITOR");
    const admin = await createMember(owner, "ADMIN");
    for (const who of [viewer, editor]) {
      await expect(createShareLink(who, { kind: "DASHBOARD" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listShareLinks(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createShareLink(admin, { kind: "DASHBOARD" })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it("shares only the organisation's own, active pilots", async () => {
    const theirs = await createTestPilot(stranger);
    await expect(createShareLink(owner, { kind: "PILOT_REPORT", pilotId: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(createShareLink(owner, { kind: "PILOT_REPORT" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { pilotId: expect.any(Array) },
    });
  });
});

describe("opening a link", () => {
  it("opens until it expires", async () => {
    const now = new Date();
    const link = await createShareLink(owner, { kind: "DASHBOARD", expiresInDays: 2 }, now);
    expect(await resolveShareLink(link.token, new Date(now.getTime() + DAY))).not.toBeNull();
    expect(await resolveShareLink(link.token, new Date(now.getTime() + 2 * DAY))).toBeNull();
    expect(await resolveShareLink(link.token, new Date(now.getTime() + 3 * DAY))).toBeNull();
  });

  it("stops at once when revoked (404), for the page and the PDF", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD" });
    expect((await pdfOf(link.token)).status).toBe(200);
    await revokeShareLink(owner, { id: link.id });
    expect(await resolveShareLink(link.token)).toBeNull();
    expect((await pdfOf(link.token)).status).toBe(404);
    // Revoking again changes nothing and is not an error.
    await expect(revokeShareLink(owner, { id: link.id })).resolves.toBeUndefined();
  });

  it("unknown, malformed and hostile tokens open nothing", async () => {
    for (const token of ["x".repeat(43), "short", "a\u0000b", "x".repeat(100_000), "", undefined]) {
      expect(await resolveShareLink(token)).toBeNull();
    }
    expect((await pdfOf("x".repeat(43))).status).toBe(404);
  });

  it("a pilot's link stops when the pilot is archived", async () => {
    const pilot = await createTestPilot(owner, { name: "Soon archived" });
    const link = await createShareLink(owner, { kind: "PILOT_REPORT", pilotId: pilot.id });
    expect(await resolveShareLink(link.token)).not.toBeNull();
    await archivePilot(owner, pilot.id);
    expect(await resolveShareLink(link.token)).toBeNull();
  });

  it("counts every open, atomically, and lists when it was last opened", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD" });
    await Promise.all([recordShareOpen(link.id), recordShareOpen(link.id), recordShareOpen(link.id)]);
    const row = (await listShareLinks(owner)).find((l) => l.id === link.id)!;
    expect(row.openCount).toBe(3);
    expect(row.lastOpenedAt).toBeInstanceOf(Date);
    expect(row.status).toBe("ACTIVE");
  });
});

describe("revoking", () => {
  it("another organisation's link id is 404, and a viewer is refused", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD" });
    await expect(revokeShareLink(stranger, { id: link.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const viewer = await createMember(owner, "VIEWER");
    await expect(revokeShareLink(viewer, { id: link.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await resolveShareLink(link.token)).not.toBeNull();
    expect((await listShareLinks(stranger)).map((l) => l.id)).not.toContain(link.id);
  });
});

describe("the passcode", () => {
  it("is stored hashed, checked, and remembered by a cookie only for that link", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD", passcode: "board-2026" });
    const other = await createShareLink(owner, { kind: "DASHBOARD", passcode: "board-2026" });
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.passcodeHash).not.toContain("board-2026");
    const resolved = (await resolveShareLink(link.token))!;
    expect(await checkPasscode(resolved, "wrong", null)).toBe(false);
    expect(await checkPasscode(resolved, "board-2026", null)).toBe(true);

    // Without the cookie the PDF is not there; with the right one it is; another link's proof is not it.
    expect((await pdfOf(link.token)).status).toBe(404);
    const otherProof = passcodeProof((await resolveShareLink(other.token))!);
    expect((await pdfOf(link.token, { cookie: otherProof })).status).toBe(404);
    expect(isPasscodeProof(resolved, otherProof)).toBe(false);
    expect((await pdfOf(link.token, { cookie: passcodeProof(resolved) })).status).toBe(200);
  });

  it("the form: a wrong passcode says so, the right one sets an HTTP-only cookie scoped to the link", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD", passcode: "letmein" });
    const post = (passcode: string) => {
      const body = new URLSearchParams({ passcode });
      const request = new Request(`http://localhost/s/${link.token}/unlock`, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      return withRequest({}, () => unlock(request, { params: Promise.resolve({ token: link.token }) }));
    };
    const wrong = await post("nope");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toMatch(new RegExp(`/s/${link.token}\\?error=wrong$`));
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const right = await post("letmein");
    expect(right.status).toBe(303);
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`${SHARE_COOKIE}=`);
    expect(cookie).toContain(`Path=/s/${link.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it("attempts are rate-limited per link", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD", passcode: "letmein" });
    const resolved = (await resolveShareLink(link.token))!;
    for (let i = 0; i < 10; i++) expect(await checkPasscode(resolved, `guess-${i}`, null)).toBe(false);
    await expect(checkPasscode(resolved, "letmein", null)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("scope: a link shows its one view", () => {
  it("a dashboard link keeps its filters whatever the query says", async () => {
    const link = await createShareLink(owner, { kind: "DASHBOARD", filters: "unit=Claims" });
    const plain = await pdfOf(link.token);
    const widened = await pdfOf(link.token, { query: "?unit=Retail&stage=RETIRED" });
    expect(plain.status).toBe(200);
    expect(plain.type).toBe("application/pdf");
    expect(plain.text).toContain("Alpha claims");
    expect(plain.text).not.toContain("Bravo retail");
    expect(widened.text).toContain("Alpha claims");
    expect(widened.text).not.toContain("Bravo retail");
    expect(plain.response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("a pilot link shows that pilot and no other", async () => {
    const link = await createShareLink(owner, { kind: "PILOT_REPORT", pilotId: pilotA.id });
    const pdf = await pdfOf(link.token, { query: `?id=${pilotB.id}&pilotId=${pilotB.id}` });
    expect(pdf.text).toContain("Alpha claims");
    expect(pdf.text).not.toContain("Bravo retail");
  });
});

describe("a share link grants nothing inside the organisation", () => {
  it("its cookie and token open no organisation route or page", async () => {
    const { discoverDoors } = await import("../support/discover-doors");
    const doors = await discoverDoors();
    const link = await createShareLink(owner, { kind: "PILOT_REPORT", pilotId: pilotA.id, passcode: "letmein" });
    const proof = passcodeProof((await resolveShareLink(link.token))!);
    const cookies = { [SHARE_COOKIE]: proof };
    const params: Record<string, string> = {
      org: owner.organizationSlug,
      id: pilotA.id,
      assessmentId: pilotA.id,
      versionId: pilotA.id,
    };
    const failures: string[] = [];
    for (const door of doors.routes.filter((d) => d.spec.kind === "org")) {
      const path = door.path.replace(/\[([^\]]+)\]/g, (_, name: string) => params[name] ?? "x");
      const request = new Request(`http://localhost${path}?token=${link.token}`, {
        method: door.method,
        headers: { origin: "http://localhost", authorization: `Bearer ${link.token}` },
      });
      const response = await withRequest({ cookies }, () => door.fn(request, { params: Promise.resolve(params) }));
      if (response.status !== 401) failures.push(`${door.label}: ${response.status}`);
    }
    for (const door of doors.pages) {
      let outcome = "rendered";
      try {
        await withRequest({ cookies }, async () =>
          door.render({ params: Promise.resolve(params), searchParams: Promise.resolve({ token: link.token }) }),
        );
      } catch (error) {
        outcome = String((error as { digest?: string }).digest ?? error);
      }
      if (!outcome.includes("/signin")) failures.push(`${door.label}: ${outcome}`);
    }
    expect(failures).toEqual([]);
    expect(doors.routes.length).toBeGreaterThan(0);
  });
});
