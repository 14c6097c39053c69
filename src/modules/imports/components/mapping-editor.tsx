"use client";

import { controlClass } from "@/components/ui/field";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from "../fields";
import type { ColumnMapping } from "../mapping";

/**
 * One drop-down per column of the file: the pilot field it fills, or "Ignore". Choosing a field
 * another column already fills moves it here (a field comes from one column only).
 */
export function MappingEditor({
  headers,
  samples,
  mapping,
  onChange,
  disabled,
}: {
  headers: string[];
  samples: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  disabled?: boolean;
}) {
  const choose = (column: number, field: ImportField | null) =>
    onChange(mapping.map((f, i) => (i === column ? field : field && f === field ? null : f)));
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {headers.map((heading, i) => {
        const id = `column-${i}`;
        return (
          <li key={id} className="min-w-0 rounded-md bg-white p-3 ring-1 ring-slate-200">
            <label htmlFor={id} className="block truncate text-sm font-medium text-slate-800" title={heading}>
              {heading}
            </label>
            <p className="mb-2 truncate text-xs text-slate-500" title={samples[i]}>
              {samples[i] ? <>e.g. {samples[i]}</> : "(empty column)"}
            </p>
            <select
              id={id}
              className={controlClass}
              value={mapping[i] ?? ""}
              disabled={disabled}
              onChange={(e) => choose(i, (e.target.value || null) as ImportField | null)}
            >
              <option value="">Ignore this column</option>
              {IMPORT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {IMPORT_FIELD_LABELS[field]}
                  {REQUIRED_IMPORT_FIELDS.includes(field) ? " (required)" : ""}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
