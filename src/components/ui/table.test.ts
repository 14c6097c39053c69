import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pagination, pageWindow } from "./pagination";
import { Table, type TableColumn } from "./table";

interface Row {
  id: string;
  name: string;
  cost: number;
}

const rows: Row[] = [
  { id: "a", name: "Alpha", cost: 100 },
  { id: "b", name: "Beta", cost: 900 },
];

const columns: TableColumn<Row>[] = [
  { key: "name", header: "Pilot", rowHeader: true, cell: (r) => r.name, sort: { href: "?sort=name&dir=asc" } },
  {
    key: "cost",
    header: "Monthly cost",
    align: "right",
    cell: (r) => `$${r.cost}`,
    sort: { href: "?sort=cost&dir=asc", direction: "descending" },
  },
  { key: "note", header: "Note", cell: () => "—" },
];

const render = (props: Partial<Parameters<typeof Table<Row>>[0]> = {}) =>
  renderToString(h(Table<Row>, { caption: "Pilots", columns, rows, rowKey: (r) => r.id, ...props }));

/** The opening tag of the header cell whose text is `label`. */
const headerOf = (html: string, label: string) => {
  const cells = html.match(/<th scope="col"[^>]*>.*?<\/th>/g) ?? [];
  const cell = cells.find((c) => c.includes(`>${label}<`));
  expect(cell, label).toBeDefined();
  return cell!.slice(0, cell!.indexOf(">") + 1);
};

describe("Table", () => {
  it("names the table with a caption, hidden unless asked, and labels its scroll region with it", () => {
    const html = render();
    const caption = html.match(/<caption id="([^"]+)" class="sr-only">Pilots<\/caption>/);
    expect(caption).not.toBeNull();
    expect(html).toContain(`role="region" aria-labelledby="${caption![1]}" tabindex="0"`);
    expect(html).toMatch(/overflow-x-auto/);

    const visible = render({ caption: "Members", captionVisible: true });
    expect(visible).toMatch(/<caption id="[^"]+" class="[^"]*font-semibold[^"]*">Members<\/caption>/);
    expect(visible).not.toContain("sr-only");
  });

  it("marks only the current sort column with aria-sort, and makes sortable headers links", () => {
    const html = render();
    expect(headerOf(html, "Monthly cost")).toContain('aria-sort="descending"');
    expect(headerOf(html, "Pilot")).not.toContain("aria-sort");
    expect(headerOf(html, "Note")).not.toContain("aria-sort");
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html).toContain('href="?sort=cost&amp;dir=asc"');
    expect(html).toContain('href="?sort=name&amp;dir=asc"');
    expect(html).not.toMatch(/<a[^>]*>Note/);
  });

  it("renders rows, with row headers where asked", () => {
    const html = render();
    expect(html).toContain('<th scope="row"');
    expect(html).toMatch(/<th scope="row"[^>]*>Alpha<\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*">\$900<\/td>/);
    expect(html.match(/<tr/g)).toHaveLength(3);
  });

  it("gives cells a column's classes, fixed or worked out from the row, over the defaults", () => {
    const toned: TableColumn<Row>[] = [
      { key: "name", header: "Pilot", rowHeader: true, className: "font-medium", cell: (r) => r.name },
      {
        key: "cost",
        header: "Monthly cost",
        align: "right",
        className: (r, i) => (r.cost > 500 ? `text-red-700 row-${i}` : undefined),
        cell: (r) => `$${r.cost}`,
      },
    ];
    const html = render({ columns: toned });
    // The row header's class wins over the default normal weight.
    expect(html).toMatch(/<th scope="row" class="[^"]*\bfont-medium\b[^"]*">Alpha<\/th>/);
    expect(html).not.toMatch(/<th scope="row" class="[^"]*font-normal/);
    expect(html).toMatch(/<td class="[^"]*text-red-700 row-1[^"]*">\$900<\/td>/);
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*">\$100<\/td>/);
    expect(html).not.toMatch(/<td class="[^"]*text-red-700[^"]*">\$100/);
  });

  it("pads cells through the table's class (plain tables only between columns), not on every cell", () => {
    const cellClasses = (html: string) => [...html.matchAll(/<t[dh] [^>]*class="([^"]*)"/g)].map((m) => m[1]!);
    const tableClass = (html: string) => /<table class="([^"]*)"/.exec(html)![1]!;
    for (const density of ["comfortable", "compact"] as const) {
      const suffix = density === "compact" ? "-compact" : "";
      const plain = render({ variant: "plain", density });
      expect(tableClass(plain)).toMatch(new RegExp(`\\btable-plain${suffix}\\b`));
      const card = render({ variant: "card", density });
      expect(tableClass(card)).toMatch(new RegExp(`\\btable-card${suffix}\\b`));
      // No cell repeats the padding (it was most of a dashboard's markup).
      for (const c of [...cellClasses(plain), ...cellClasses(card)]) expect(c).not.toMatch(/\b(p[xylr]?)-/);
    }
  });

  it("shows the empty state in place of the table when there are no rows", () => {
    const html = render({ rows: [], empty: "No pilots yet." });
    expect(html).toContain("No pilots yet.");
    expect(html).not.toContain("<table");

    const custom = render({ rows: [], empty: h("section", { id: "custom-empty" }, "Register one") });
    expect(custom).toContain('<section id="custom-empty">Register one</section>');
    expect(custom).not.toContain("<table");
  });
});

describe("Pagination", () => {
  const href = (n: number) => `/o/acme/pilots?page=${n}`;

  it("links to the previous and next pages and marks the current one", () => {
    const html = renderToString(h(Pagination, { page: 2, pageCount: 5, href }));
    expect(html).toContain('<nav aria-label="Pagination"');
    expect(html).toMatch(/<a rel="prev"[^>]*href="\/o\/acme\/pilots\?page=1"/);
    expect(html).toMatch(/<a rel="next"[^>]*href="\/o\/acme\/pilots\?page=3"/);
    expect(html).toMatch(/aria-current="page"[^>]*><span class="sr-only">Page <\/span>2</);
  });

  it("disables Previous on the first page and Next on the last, as text rather than links", () => {
    const first = renderToString(h(Pagination, { page: 1, pageCount: 3, href }));
    expect(first).toMatch(/<span aria-disabled="true"[^>]*>.*Previous<\/span>/);
    expect(first).not.toContain('rel="prev"');
    const last = renderToString(h(Pagination, { page: 3, pageCount: 3, href }));
    expect(last).toMatch(/<span aria-disabled="true"[^>]*>Next.*?<\/span>/);
    expect(last).not.toContain('rel="next"');
  });

  it("renders nothing for a single page, and a window of pages with gaps for many", () => {
    expect(renderToString(h(Pagination, { page: 1, pageCount: 1, href }))).toBe("");
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(5, 400)).toEqual([1, null, 4, 5, 6, null, 400]);
    expect(pageWindow(3, 400)).toEqual([1, 2, 3, 4, null, 400]);
    expect(pageWindow(400, 400)).toEqual([1, null, 399, 400]);
  });
});
