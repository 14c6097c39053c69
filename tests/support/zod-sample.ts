/**
 * Reads a door's zod (v4) input schema well enough to knock on it: the fields it takes, a
 * plausible valid input, a wrong-typed one, and the places free text goes (where the tests put
 * NUL bytes and 1 MB strings). It walks what it can reach: objects, intersections, unions,
 * arrays, the optional/nullable/default/catch wrappers and pipes (a preprocess is a pipe from a
 * transform: its target schema is what it accepts). Whatever hides behind a bare transform or
 * a refinement stays unknown; callers fall back to the fields that were found.
 */
import type { z } from "zod";

type Schema = z.ZodType;
// zod 4 keeps each schema's definition on `.def`; its shape differs by `def.type`.
type Def = Record<string, unknown> & { type: string };

const defOf = (schema: Schema): Def => (schema as unknown as { def: Def }).def;
const prop = <T>(schema: Schema, name: string): T | undefined => (schema as unknown as Record<string, T>)[name];

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/** The schema that decides what a value must look like: wrappers and pipes peeled off. */
export function core(schema: Schema): Schema {
  for (let i = 0; i < 50; i++) {
    const def = defOf(schema);
    if (WRAPPERS.has(def.type)) schema = def.innerType as Schema;
    else if (def.type === "lazy") schema = (def.getter as () => Schema)();
    else if (def.type === "pipe") {
      // A preprocess (transform → schema) accepts what its target accepts; otherwise the input side decides.
      const input = def.in as Schema;
      schema = defOf(input).type === "transform" ? (def.out as Schema) : input;
    } else return schema;
  }
  return schema;
}

/** The top-level fields of an object-like schema, merged through intersections and unions. */
export function fieldsOf(schema: Schema): Record<string, Schema> {
  const s = core(schema);
  const def = defOf(s);
  switch (def.type) {
    case "object":
      return { ...(prop<Record<string, Schema>>(s, "shape") ?? (def.shape as Record<string, Schema>)) };
    case "intersection":
      return { ...fieldsOf(def.left as Schema), ...fieldsOf(def.right as Schema) };
    case "union":
      return Object.assign({}, ...(def.options as Schema[]).map(fieldsOf));
    default:
      return {};
  }
}

/** True for free text: a string, or a union of strings and string literals (e.g. "" | email). */
export function isText(schema: Schema): boolean {
  const s = core(schema);
  const def = defOf(s);
  if (def.type === "string") return true;
  if (def.type === "union") {
    const options = (def.options as Schema[]).map(core);
    return (
      options.some((o) => defOf(o).type === "string") &&
      options.every((o) => {
        const d = defOf(o);
        return (
          d.type === "string" || (d.type === "literal" && (d.values as unknown[]).every((v) => typeof v === "string"))
        );
      })
    );
  }
  return false;
}

/** Values for fields named like ids and keys, from the test's fixture. */
export type Fixtures = Record<string, string>;

/** The string schemas a value passes through: both sides of a pipe (`string().trim().pipe(email())`). */
function stringStages(schema: Schema): Schema[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return stringStages(def.innerType as Schema);
  if (def.type === "pipe") return [...stringStages(def.in as Schema), ...stringStages(def.out as Schema)];
  return def.type === "string" ? [schema] : [];
}

function sampleText(schema: Schema, name: string | undefined, fixtures: Fixtures): string {
  if (name && fixtures[name] !== undefined) return fixtures[name];
  const stages = stringStages(schema);
  const s = stages.find((stage) => prop<string | null>(stage, "format")) ?? core(schema);
  const format = prop<string | null>(s, "format");
  let text =
    format === "email"
      ? "someone@example.com"
      : format === "url"
        ? "https://example.com/evidence"
        : format === "date"
          ? "2026-01-01"
          : format === "datetime"
            ? "2026-01-01T00:00:00.000Z"
            : format === "regex"
              ? "sample-text" // fits the slug and key patterns
              : "Sample text for a field";
  const min = Math.max(0, ...stages.map((stage) => prop<number | null>(stage, "minLength") ?? 0));
  const max = Math.min(Infinity, ...stages.map((stage) => prop<number | null>(stage, "maxLength") ?? Infinity));
  while (text.length < min) text += " and more";
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
}

/** A plausible valid value: optional fields left out, ids and keys from the fixture by field name. */
export function sample(schema: Schema, fixtures: Fixtures = {}, name?: string): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
      return name && fixtures[name] !== undefined ? fixtures[name] : undefined;
    case "nullable":
      return isText(schema) && name && fixtures[name] !== undefined ? fixtures[name] : null;
  }
  const s = core(schema);
  const d = defOf(s);
  switch (d.type) {
    case "string":
      return sampleText(schema, name, fixtures);
    case "number": {
      const min = prop<number>(s, "minValue");
      return typeof min === "number" && Number.isFinite(min) && Math.abs(min) < 1e9 ? min : 1;
    }
    case "bigint":
      return 1n;
    case "boolean":
      return false;
    case "date":
      return new Date("2026-01-01T00:00:00.000Z");
    case "null":
      return null;
    case "enum":
      return Object.values(d.entries as Record<string, unknown>)[0];
    case "literal":
      return (d.values as unknown[])[0];
    case "array": {
      const min = prop<number | null>(s, "minLength") ?? 0;
      return Array.from({ length: min }, () => sample(d.element as Schema, fixtures));
    }
    case "object":
    case "intersection": {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(fieldsOf(s))) {
        const value = sample(field, fixtures, key);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case "union": {
      if (isText(s))
        return name && fixtures[name] !== undefined
          ? fixtures[name]
          : sample((d.options as Schema[])[0]!, fixtures, name);
      return sample((d.options as Schema[])[0]!, fixtures, name);
    }
    default:
      return undefined;
  }
}

/** Every field of the input with the wrong type: a number for text, an object for anything else. */
export function wrongTyped(schema: Schema): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(fieldsOf(schema)).map((key) => [key, isText(fieldsOf(schema)[key]!) ? 42 : { wrong: true }]),
  );
}

/**
 * One input per place free text goes: `base` (a plausible input) with `bad` written into that
 * one place. Text inside arrays gets a one-element array built from a sample element.
 */
export function withTextReplaced(
  schema: Schema,
  base: unknown,
  bad: string,
  fixtures: Fixtures = {},
): { path: string; input: unknown }[] {
  if (isText(schema)) return [{ path: "", input: bad }];
  const s = core(schema);
  const def = defOf(s);
  switch (def.type) {
    case "object":
    case "intersection": {
      const record = base && typeof base === "object" && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
      return Object.entries(fieldsOf(s)).flatMap(([key, field]) =>
        withTextReplaced(field, record[key] ?? sample(field, fixtures, key), bad, fixtures).map((v) => ({
          path: v.path ? `${key}.${v.path}` : key,
          input: { ...record, [key]: v.input },
        })),
      );
    }
    case "array": {
      const element = def.element as Schema;
      const first = Array.isArray(base) && base.length > 0 ? base[0] : sample(element, fixtures);
      return withTextReplaced(element, first, bad, fixtures).map((v) => ({
        path: v.path ? `0.${v.path}` : "0",
        input: [v.input, ...(Array.isArray(base) ? base.slice(1) : [])],
      }));
    }
    case "union": {
      const seen = new Set<string>();
      return (def.options as Schema[])
        .flatMap((option) => withTextReplaced(option, base, bad, fixtures))
        .filter((v) => (seen.has(v.path) ? false : (seen.add(v.path), true)));
    }
    default:
      return [];
  }
}
