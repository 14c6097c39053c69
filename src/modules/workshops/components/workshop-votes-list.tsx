import type { Distribution } from "../distribution";

/** The room's votes behind each answer a workshop wrote, in the framework's order (folded by default). */
export function WorkshopVotesList({
  votes,
  criteria,
}: {
  votes: Map<string, Distribution>;
  criteria: { key: string; title: string }[];
}) {
  const rows = criteria.filter((c) => votes.has(c.key));
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold">The room&apos;s votes on each answer</summary>
      <ul className="mt-2 space-y-1">
        {rows.map((c) => {
          const d = votes.get(c.key)!;
          return (
            <li key={c.key}>
              <span className="font-medium">{c.title}</span>: {d.counts.map((n, level) => `${level}: ${n}`).join(" · ")}{" "}
              · don&apos;t know: {d.unknown}
              {d.median !== null && ` · median ${d.median} · spread ${d.spread}`}
              {d.disagreement && <strong> · disagreement</strong>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
