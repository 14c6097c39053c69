/**
 * Knocks on every door. The entry points are discovered from the source tree (server actions,
 * route handlers, pages under /o/[org]), so a new one is tested the day it is added, and one
 * built without a door wrapper fails the discovery check. Each door gets the same visitors:
 * nobody, a member of another organisation, members whose role is too low, and the owner with
 * malformed input, NUL bytes and 1 MB strings. Refusals must be the right 4xx, never a 500,
 * and must leave the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { can, getSessionUser, type Actor } from "@/modules/access";
import { startAssessment } from "@/modules/assessments";
import { createAccount, createMember, createTestPilot, type TestAccount } from "@/modules/demo";
import { createDraftFromVersion, listFrameworks, loadVersionContent } from "@/modules/frameworks";
import { pilotListQuerySchema } from "@/modules/pilots/shared";
import { portfolioFiltersSchema } from "@/modules/portfolio/shared";
import { WORKSHOP_COOKIE } from "@/modules/access";
import {
  closeWorkshop,
  control,
  createWorkshop,
  getFacilitatorState,
  getWorkshop,
  joinWorkshop,
  openWorkshop,
} from "@/modules/workshops";
import { spyOnDatabase, type DbSpy } from "../support/db-spy";
import {
  discoverDoors,
  dynamicSegments,
  routeFiles,
  UNWRAPPED_ROUTES,
  type ActionDoor,
  type PageDoor,
  type RouteDoor,
} from "../support/discover-doors";
import { changedTables, fingerprint } from "../support/fingerprint";
import { withRequest } from "../support/next-headers";
import { asUser, SESSION_COOKIE, sessionCookieFor } from "../support/session";
import { fieldsOf, sample, withTextReplaced, wrongTyped, type Fixtures } from "../support/zod-sample";

const doors = await discoverDoors();

const NUL = "a\u0000b";
const ONE_MB = "x".repeat(1_000_000);
const BAD_TEXT = [
  { name: "NUL characters", value: NUL },
  { name: "1 MB strings", value: ONE_MB },
] as const;

/** What no query should ever carry: a NUL byte, or text far longer than any field allows. */
const suspicious = (text: string) => text.includes("\u0000") || text.length >= 100_000;

/** Query parameters the app's GET routes read (list filters, sorting, paging); each gets bad text. */
const QUERY_KEYS = [
  ...new Set(["q", ...Object.keys(fieldsOf(pilotListQuerySchema)), ...Object.keys(fieldsOf(portfolioFiltersSchema))]),
];

/**
 * Sample inputs for doors whose schema a generic sample cannot satisfy (a cross-field rule).
 * Merged over the generated sample; the bad-text cases check the result is valid.
 */
const SAMPLE_OVERRIDES: Record<string, Record<string, unknown>> = {
  // The ready threshold must be above the conditional one; a generic sample gives both their minimum.
  "action frameworks.updateDraftThresholds": { readyThreshold: 80, conditionalThreshold: 50 },
  // An ISO date and a published version: the generic sample gives neither.
  "action workshops.createWorkshop": { date: "2026-11-24", pilotIds: ["a-pilot-id"] },
};

// ---- The fixture: organisation A with members and records, organisation B's owner as the stranger

interface World {
  owner: TestAccount;
  viewer: Actor;
  editor: Actor;
  stranger: TestAccount;
  slug: string;
  ids: {
    pilotId: string;
    assessmentId: string;
    versionId: string;
    pillarId: string;
    criterionId: string;
    criterionKey: string;
    membershipId: string;
    invitationId: string;
    workshopId: string;
    itemId: string;
  };
  /** Live workshops of organisation A: an open one, another open one, a closed one; a guest cookie for each. */
  workshops: {
    open: { code: string; cookie: string };
    other: { code: string; cookie: string };
    closed: { code: string; cookie: string };
  };
}

let world: World;
let spy: DbSpy;

beforeAll(async () => {
  const owner = await createAccount({ organizationName: "Door Test A" });
  const viewer = await createMember(owner, "VIEWER");
  const editor = await createMember(owner, "EDITOR");
  const stranger = await createAccount({ organizationName: "Door Test B" });
  const pilot = await createTestPilot(owner);
  const assessment = await startAssessment(owner, pilot.id);
  const [framework] = await listFrameworks(owner);
  const published = framework!.versions.find((v) => v.status === "PUBLISHED")!;
  const draft = await createDraftFromVersion(owner, published.id);
  const content = await loadVersionContent(owner, draft.id);
  const pillar = content.pillars[0]!;
  const membership = await db.membership.findFirstOrThrow({
    where: { organizationId: owner.organizationId, userId: editor.userId },
    select: { id: true },
  });
  // A pending invitation (made directly: no mail needed to knock on its doors).
  const invitation = await db.invitation.create({
    data: {
      organizationId: owner.organizationId,
      email: "invited@example.com",
      role: "VIEWER",
      tokenHash: "access-matrix-invitation",
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: owner.userId,
    },
    select: { id: true },
  });
  const workshop = async () => {
    const { id } = await createWorkshop(owner, {
      title: "Door test workshop",
      date: "2026-11-24",
      pilotIds: [pilot.id],
      frameworkVersionId: published.id,
      criterionKeys: [pillar.criteria[0]!.key],
    });
    await openWorkshop(owner, id);
    const { code } = await getWorkshop(owner, id);
    const { cookie } = await joinWorkshop(code, { displayName: "Guest" }, { address: null });
    return { id, code, cookie: cookie! };
  };
  const [open, other, closed] = [await workshop(), await workshop(), await workshop()];
  const closedItem = (await getFacilitatorState(owner, closed.id))!.item!.id;
  await control(owner, closed.id, { op: "reveal", itemId: closedItem });
  await closeWorkshop(owner, closed.id);
  const itemId = (await getFacilitatorState(owner, open.id))!.item!.id;
  world = {
    owner,
    viewer,
    editor,
    stranger,
    slug: owner.organizationSlug,
    ids: {
      pilotId: pilot.id,
      assessmentId: assessment.id,
      versionId: draft.id,
      pillarId: pillar.id,
      criterionId: pillar.criteria[0]!.id,
      criterionKey: pillar.criteria[0]!.key,
      membershipId: membership.id,
      invitationId: invitation.id,
      workshopId: open.id,
      itemId,
    },
    workshops: { open, other, closed },
  };
  spy = spyOnDatabase(suspicious);
});

afterAll(() => spy?.restore());

/** Values for input fields named like ids and keys. */
const fixtures = (): Fixtures => ({ id: world.ids.pilotId, ...world.ids });

// ---- Helpers

type Schema = z.ZodType;

const statusOf = (code: string | undefined) => ERROR_STATUS[code as ErrorCode] ?? 0;
const is4xx = (status: number) => status >= 400 && status < 500;

/** Runs `knock` between two fingerprints; names the tables it changed. */
async function tablesChangedBy(knock: () => Promise<unknown>): Promise<string[]> {
  const before = await fingerprint();
  await knock();
  return changedTables(before, await fingerprint());
}

function sampleFor(label: string, schema: Schema): unknown {
  const base = sample(schema, fixtures());
  const override = SAMPLE_OVERRIDES[label];
  return override && base && typeof base === "object" ? { ...base, ...override } : base;
}

function sampleProblem(schema: Schema, input: unknown): string | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; ");
  return `the sample input is not valid (${issues}); add one to SAMPLE_OVERRIDES`;
}

// ---- Actions

interface ActionState {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, unknown>;
}

type Outcome =
  | { kind: "state"; state: ActionState }
  | { kind: "redirect"; to: string }
  | { kind: "not-found" }
  | { kind: "threw"; error: unknown };

function caught(error: unknown): Outcome {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
    return { kind: "redirect", to: digest.split(";")[2] ?? "" };
  }
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "not-found" };
  return { kind: "threw", error };
}

function show(outcome: Outcome): string {
  switch (outcome.kind) {
    case "state":
      return outcome.state?.ok ? "ok" : `code ${outcome.state?.code}`;
    case "redirect":
      return `redirect to ${outcome.to}`;
    case "not-found":
      return "not found (404 page)";
    case "threw":
      return `threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : String(outcome.error)}`;
  }
}

async function callAction(
  door: ActionDoor,
  userId: string | null,
  input: unknown,
  org: string = world.slug,
  cookies?: Record<string, string>,
): Promise<Outcome> {
  const args = door.spec.kind === "org" ? [org, input] : [input];
  const call = () => door.fn(...args);
  try {
    return {
      kind: "state",
      state: (await (cookies ? withRequest({ cookies }, call) : asUser(userId, call))) as ActionState,
    };
  } catch (error) {
    return caught(error);
  }
}

/** The action refuses `input` from `userId` with `code`, and the database is left as it was. */
async function expectActionRefusal(door: ActionDoor, userId: string | null, input: unknown, code: ErrorCode) {
  let outcome: Outcome | undefined;
  const changed = await tablesChangedBy(async () => (outcome = await callAction(door, userId, input)));
  expect(show(outcome!)).toBe(`code ${code}`);
  expect(changed, "tables changed").toEqual([]);
}

function actionCases(door: ActionDoor) {
  const schema = door.spec.input;
  const sampleInput = () => (schema ? sampleFor(door.label, schema) : {});
  const { kind } = door.spec;

  if (kind === "org" || kind === "user") {
    it(`${door.label}: signed out gets 401`, () => expectActionRefusal(door, null, sampleInput(), "UNAUTHENTICATED"));
    it(`${door.label}: a workshop guest's cookie opens nothing (401)`, async () => {
      let outcome: Outcome | undefined;
      const changed = await tablesChangedBy(
        async () => (outcome = await callAction(door, null, sampleInput(), world.slug, guestCookie())),
      );
      expect(show(outcome!)).toBe("code UNAUTHENTICATED");
      expect(changed, "tables changed").toEqual([]);
    });
  }
  if (door.spec.kind === "org") {
    const { permission } = door.spec;
    it(`${door.label}: stranger gets 404`, () =>
      expectActionRefusal(door, world.stranger.userId, sampleInput(), "NOT_FOUND"));
    if (!can("VIEWER", permission)) {
      it(`${door.label}: viewer gets 403`, () =>
        expectActionRefusal(door, world.viewer.userId, sampleInput(), "FORBIDDEN"));
    }
    if (!can("EDITOR", permission)) {
      it(`${door.label}: editor gets 403`, () =>
        expectActionRefusal(door, world.editor.userId, sampleInput(), "FORBIDDEN"));
    }
  }
  if (!schema) return;

  // Public actions are called signed out; the others by A's owner.
  const caller = () => (kind === "public" ? null : world.owner.userId);

  it(`${door.label}: malformed input gets 400 with field errors`, async () => {
    for (const input of [42, wrongTyped(schema)]) {
      let outcome: Outcome | undefined;
      const changed = await tablesChangedBy(async () => (outcome = await callAction(door, caller(), input)));
      const what = `input ${JSON.stringify(input)}`;
      expect(show(outcome!), what).toBe("code BAD_REQUEST");
      const fieldErrors = outcome!.kind === "state" ? outcome!.state.fieldErrors : undefined;
      expect(Object.keys(fieldErrors ?? {}), `field errors for ${what}`).not.toEqual([]);
      expect(changed, `tables changed by ${what}`).toEqual([]);
    }
  });

  for (const bad of BAD_TEXT) {
    it(`${door.label}: ${bad.name} in every text field get 4xx`, async () => {
      const base = sampleInput();
      const failures: string[] = [];
      const problem = sampleProblem(schema, base);
      if (problem) failures.push(problem);
      const variants: { where: string; input: unknown; org?: string }[] = withTextReplaced(
        schema,
        base,
        bad.value,
        fixtures(),
      ).map((v) => ({ where: `field ${v.path}`, input: v.input }));
      if (variants.length === 0) variants.push({ where: "input {} (no text fields found)", input: {} });
      if (kind === "org") variants.push({ where: "organisation slug", input: base, org: bad.value });

      spy.take();
      const changed = await tablesChangedBy(async () => {
        for (const v of variants) {
          const outcome = await callAction(door, caller(), v.input, v.org);
          const code = outcome.kind === "state" && !outcome.state.ok ? outcome.state.code : undefined;
          if (!is4xx(statusOf(code))) failures.push(`${v.where}: ${show(outcome)}`);
          const reached = spy.take();
          if (reached.length > 0) failures.push(`${v.where}: reached the database in ${reached.join(", ")}`);
        }
      });
      if (changed.length > 0) failures.push(`tables changed: ${changed.join(", ")}`);
      expect(failures).toEqual([]);
    });
  }
}

// ---- Routes

interface RouteAnswer {
  status: number;
  type: string;
  body: Record<string, unknown> | null;
}

/** Each dynamic segment of a route path filled from the fixture: `[id]` after `pilots` is the pilot. */
function routeParams(door: RouteDoor): Record<string, string> | string {
  const segments = door.path.split("/");
  const params: Record<string, string> = {};
  const byCollection: Record<string, string> = {
    pilots: world.ids.pilotId,
    assessments: world.ids.assessmentId,
    frameworks: world.ids.versionId,
    versions: world.ids.versionId,
    pillars: world.ids.pillarId,
    criteria: world.ids.criterionId,
    members: world.ids.membershipId,
    memberships: world.ids.membershipId,
    invitations: world.ids.invitationId,
    workshops: world.ids.workshopId,
  };
  for (const [i, segment] of segments.entries()) {
    const name = /^\[([^\].]+)\]$/.exec(segment)?.[1];
    if (!name) continue;
    const value =
      name === "org"
        ? world.slug
        : name === "code"
          ? world.workshops.open.code
          : ((world.ids as Record<string, string>)[name] ?? byCollection[segments[i - 1] ?? ""]);
    if (value === undefined) return `no fixture value for [${name}] in ${door.path}: add one to routeParams`;
    params[name] = value;
  }
  return params;
}

function fixtureParams(door: RouteDoor): Record<string, string> {
  const params = routeParams(door);
  if (typeof params === "string") throw new Error(params);
  return params;
}

async function callRoute(
  door: RouteDoor,
  userId: string | null,
  options: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: string;
    /** The Origin header; by default the app's own, as a browser sends from its pages. null: none. */
    origin?: string | null;
    /** Knock with these cookies (a workshop guest's) instead of `userId`'s session. */
    cookies?: Record<string, string>;
  } = {},
): Promise<RouteAnswer> {
  const params = options.params ?? fixtureParams(door);
  const path = door.path.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const url = new URL(path, "http://localhost");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? url.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(url, {
    method: door.method,
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const call = () => door.fn(request, { params: Promise.resolve(params) });
  const response = await (options.cookies ? withRequest({ cookies: options.cookies }, call) : asUser(userId, call));
  const text = await response.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: response.status, type: response.headers.get("content-type") ?? "", body };
}

const showAnswer = (a: RouteAnswer) =>
  `${a.status} ${a.type.split(";")[0]}${a.body?.detail ? ` (${a.body.detail})` : ""}`;

/** A JSON body that would be accepted, for routes that take one (so only the door itself can refuse). */
function sampleBody(door: RouteDoor): string | undefined {
  return door.spec.input ? JSON.stringify(sampleFor(door.label, door.spec.input)) : undefined;
}

/** The route refuses with a problem document of `status`, and the database is left as it was. */
async function expectRouteRefusal(door: RouteDoor, userId: string | null, status: number, body = sampleBody(door)) {
  let answer: RouteAnswer | undefined;
  const changed = await tablesChangedBy(async () => (answer = await callRoute(door, userId, { body })));
  expect(answer!.status, showAnswer(answer!)).toBe(status);
  expect(answer!.type).toMatch(/^application\/problem\+json/);
  expect(answer!.body?.status).toBe(status);
  expect(changed, "tables changed").toEqual([]);
  return answer!;
}

/** The cookie a guest of the open workshop holds (its path scope aside, knocked with everywhere). */
const guestCookie = (which: keyof World["workshops"] = "open") => ({
  [WORKSHOP_COOKIE]: world.workshops[which].cookie,
});

/** A workshop participant's door: only a seat in that open workshop opens it. */
function workshopRouteCases(door: RouteDoor) {
  const schema = door.spec.input;
  const body = () => (schema ? JSON.stringify(sampleFor(door.label, schema)) : undefined);
  const knock = (cookies: Record<string, string>, code = world.workshops.open.code, json = body()) =>
    callRoute(door, null, { params: { code }, cookies, body: json });

  async function expectRefused(status: number, call: () => Promise<RouteAnswer>) {
    let answer: RouteAnswer | undefined;
    const changed = await tablesChangedBy(async () => (answer = await call()));
    expect(answer!.status, showAnswer(answer!)).toBe(status);
    expect(answer!.type).toMatch(/^application\/problem\+json/);
    expect(changed, "tables changed").toEqual([]);
  }

  it(`${door.label}: without a cookie gets 401`, () => expectRefused(401, () => knock({})));
  it(`${door.label}: another workshop's guest gets 401`, () => expectRefused(401, () => knock(guestCookie("other"))));
  it(`${door.label}: a signed-in member who never joined gets 401`, () =>
    expectRefused(401, () =>
      callRoute(door, world.owner.userId, { params: { code: world.workshops.open.code }, body: body() }),
    ));
  it(`${door.label}: a closed workshop's guest gets 409`, () =>
    expectRefused(409, () => knock(guestCookie("closed"), world.workshops.closed.code)));
  it(`${door.label}: an unknown code gets 404`, () => expectRefused(404, () => knock(guestCookie(), "ZZZZZZ")));
  it(`${door.label}: the guest gets in`, async () => {
    const answer = await knock(guestCookie());
    expect(answer.status, showAnswer(answer)).toBeLessThan(300);
  });
  if (!door.spec.input) return;
  it(`${door.label}: malformed body gets 400 with field errors`, async () => {
    for (const json of ['{"name": "unfinished', "42", JSON.stringify(wrongTyped(schema!))]) {
      await expectRefused(400, () => knock(guestCookie(), undefined, json));
    }
  });
  for (const bad of BAD_TEXT) {
    it(`${door.label}: ${bad.name} in the body and path get 4xx`, async () => {
      const failures: string[] = [];
      const variants = withTextReplaced(schema!, sampleFor(door.label, schema!), bad.value, fixtures()).map((v) => ({
        where: `body field ${v.path}`,
        call: () => knock(guestCookie(), undefined, JSON.stringify(v.input)),
      }));
      variants.push({ where: "path [code]", call: () => knock(guestCookie(), bad.value) });
      spy.take();
      const changed = await tablesChangedBy(async () => {
        for (const v of variants) {
          const answer = await v.call();
          if (!is4xx(answer.status)) failures.push(`${v.where}: ${showAnswer(answer)}`);
          const reached = spy.take();
          if (reached.length > 0) failures.push(`${v.where}: reached the database in ${reached.join(", ")}`);
        }
      });
      if (changed.length > 0) failures.push(`tables changed: ${changed.join(", ")}`);
      expect(failures).toEqual([]);
    });
  }
}

function routeCases(door: RouteDoor) {
  if (door.spec.kind === "workshop") return workshopRouteCases(door);
  if (door.spec.kind !== "org") {
    it(`${door.label}: answers anyone without a server error`, async () => {
      const answer = await callRoute(door, null, { params: {} });
      expect(answer.status, showAnswer(answer)).toBeLessThan(500);
    });
    return;
  }
  const { permission, input: schema } = door.spec;

  it(`${door.label}: every path parameter has a fixture value`, () => {
    expect(routeParams(door)).toBeTypeOf("object");
  });
  it(`${door.label}: signed out gets 401`, () => expectRouteRefusal(door, null, 401));
  it(`${door.label}: a workshop guest's cookie opens nothing (401)`, async () => {
    let answer: RouteAnswer | undefined;
    const changed = await tablesChangedBy(
      async () => (answer = await callRoute(door, null, { body: sampleBody(door), cookies: guestCookie() })),
    );
    expect(answer!.status, showAnswer(answer!)).toBe(401);
    expect(changed, "tables changed").toEqual([]);
  });
  if (!["GET", "HEAD"].includes(door.method)) {
    it(`${door.label}: the owner's write without an Origin, or from another origin, gets 403 (CSRF)`, async () => {
      for (const origin of [null, "https://evil.example", "null"]) {
        let answer: RouteAnswer | undefined;
        const changed = await tablesChangedBy(
          async () => (answer = await callRoute(door, world.owner.userId, { body: sampleBody(door), origin })),
        );
        expect(answer!.status, `Origin ${origin}: ${showAnswer(answer!)}`).toBe(403);
        expect(answer!.body?.detail).toMatch(/Origin/);
        expect(changed, "tables changed").toEqual([]);
      }
    });
  }
  it(`${door.label}: stranger gets 404`, () => expectRouteRefusal(door, world.stranger.userId, 404));
  if (!can("VIEWER", permission)) {
    it(`${door.label}: viewer gets 403`, () => expectRouteRefusal(door, world.viewer.userId, 403));
  }
  if (!can("EDITOR", permission)) {
    it(`${door.label}: editor gets 403`, () => expectRouteRefusal(door, world.editor.userId, 403));
  }
  if (schema) {
    it(`${door.label}: malformed body gets 400 with field errors`, async () => {
      for (const body of ['{"name": "unfinished', "42", JSON.stringify(wrongTyped(schema))]) {
        const answer = await expectRouteRefusal(door, world.owner.userId, 400, body);
        expect(answer.body?.errors, `errors for body ${body}`).toBeTypeOf("object");
        expect(Object.keys(answer.body?.errors ?? {}), `errors for body ${body}`).not.toEqual([]);
      }
    });
  }

  for (const bad of BAD_TEXT) {
    it(`${door.label}: ${bad.name} in the body, path and query get 4xx`, async () => {
      const failures: string[] = [];
      const params = fixtureParams(door);
      const body = schema ? sampleFor(door.label, schema) : undefined;
      if (schema) {
        const problem = sampleProblem(schema, body);
        if (problem) failures.push(problem);
      }
      const knocks: { where: string; call: Parameters<typeof callRoute>[2]; anyStatusBelow500?: boolean }[] = [];
      const json = body === undefined ? undefined : JSON.stringify(body);
      if (schema) {
        for (const v of withTextReplaced(schema, body, bad.value, fixtures())) {
          knocks.push({ where: `body field ${v.path}`, call: { body: JSON.stringify(v.input) } });
        }
      }
      for (const name of Object.keys(params)) {
        knocks.push({ where: `path [${name}]`, call: { params: { ...params, [name]: bad.value }, body: json } });
      }
      // A list that falls back to its defaults for a bad filter may answer 200: only a 5xx fails.
      if (door.method === "GET") {
        for (const key of QUERY_KEYS) {
          knocks.push({ where: `query ${key}`, call: { query: { [key]: bad.value } }, anyStatusBelow500: true });
        }
      }

      spy.take();
      const changed = await tablesChangedBy(async () => {
        for (const k of knocks) {
          const answer = await callRoute(door, world.owner.userId, k.call);
          const fine = k.anyStatusBelow500 ? answer.status < 500 : is4xx(answer.status);
          if (!fine) failures.push(`${k.where}: ${showAnswer(answer)}`);
          const reached = spy.take();
          if (reached.length > 0) failures.push(`${k.where}: reached the database in ${reached.join(", ")}`);
        }
      });
      if (changed.length > 0) failures.push(`tables changed: ${changed.join(", ")}`);
      expect(failures).toEqual([]);
    });
  }
}

// ---- Pages

const pageParams = (door?: PageDoor) => ({
  org: world.slug,
  id: door?.path.startsWith("/o/[org]/workshops/") ? world.ids.workshopId : world.ids.pilotId,
  assessmentId: world.ids.assessmentId,
  versionId: world.ids.versionId,
});

async function renderPage(door: PageDoor, userId: string | null, cookies?: Record<string, string>): Promise<Outcome> {
  const render = async () =>
    door.render({ params: Promise.resolve(pageParams(door)), searchParams: Promise.resolve({}) });
  try {
    await (cookies ? withRequest({ cookies }, render) : asUser(userId, render));
    return { kind: "state", state: { ok: true } };
  } catch (error) {
    return caught(error);
  }
}

function pageCases(door: PageDoor) {
  it(`${door.label}: signed out is sent to sign in`, async () => {
    expect(show(await renderPage(door, null))).toMatch(/^redirect to \/signin/);
  });
  it(`${door.label}: stranger gets 404`, async () => {
    expect(show(await renderPage(door, world.stranger.userId))).toBe("not found (404 page)");
  });
  it(`${door.label}: a workshop guest is sent to sign in`, async () => {
    expect(show(await renderPage(door, null, guestCookie()))).toMatch(/^redirect to \/signin/);
  });
  it(`${door.label}: owner gets past the door`, async () => {
    const missing = dynamicSegments(door.path).filter((name) => !(name in pageParams()));
    expect(missing, "dynamic segments without a fixture value").toEqual([]);
    const shown = show(await renderPage(door, world.owner.userId));
    expect(shown).not.toMatch(/^redirect to \/signin/);
    expect(shown).not.toBe("not found (404 page)");
  });
}

// ---- The matrix

describe("the harness", () => {
  it("signs in through the real session cookie, and a tampered one is nobody", async () => {
    expect((await asUser(world.owner.userId, getSessionUser))?.id).toBe(world.owner.userId);
    const cookie = await sessionCookieFor(world.owner.userId);
    const tampered = `${cookie.slice(0, -4)}${cookie.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await withRequest({ cookies: { [SESSION_COOKIE]: tampered } }, getSessionUser)).toBeNull();
    expect(await asUser(null, getSessionUser)).toBeNull();
  });
  it("the fingerprint notices a changed row", async () => {
    const rename = (sql: string) => db.$executeRawUnsafe(sql, world.ids.pilotId);
    const changed = await tablesChangedBy(() => rename(`UPDATE "Pilot" SET name = name || '!' WHERE id = $1`));
    await rename(`UPDATE "Pilot" SET name = left(name, -1) WHERE id = $1`);
    expect(changed).toEqual(["Pilot"]);
  });
  it("the database spy notices a NUL byte in a query", async () => {
    spy.take();
    await db.pilot.findFirst({ where: { id: NUL } }).catch(() => null);
    expect(spy.take()).toEqual(["Pilot.findFirst"]);
  });
});

describe("discovery", () => {
  it("imports every action, route and page module", () => {
    expect(doors.broken).toEqual([]);
  });
  it("finds doors of every kind", () => {
    expect(doors.actions.filter((d) => d.spec.kind === "org").length).toBeGreaterThan(0);
    expect(doors.routes.filter((d) => d.spec.kind === "org").length).toBeGreaterThan(0);
    expect(doors.pages.length).toBeGreaterThan(0);
  });
  it("every server action and route handler is built by a door wrapper", () => {
    expect(doors.unguarded).toEqual([]);
  });
  it("the unwrapped-route allow-list names only existing route files", () => {
    const files = routeFiles();
    expect(Object.keys(UNWRAPPED_ROUTES).filter((file) => !files.includes(file))).toEqual([]);
  });
});

describe("server actions", () => {
  for (const door of doors.actions) actionCases(door);
});

describe("route handlers", () => {
  for (const door of doors.routes) routeCases(door);
});

describe("pages under /o/[org]", () => {
  for (const door of doors.pages) pageCases(door);
});
