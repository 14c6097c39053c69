import { cn } from "./cn";
import { controlClass } from "./field";

/**
 * A filter with several values that works without JavaScript: a group (its legend names it)
 * whose checkboxes sit in a disclosure; the summary says what is chosen ("Units: Claims, Retail"
 * or "All units"). Checked boxes submit as repeated parameters (`?unit=Claims&unit=Retail`).
 */
export function MultiSelect({
  name,
  label,
  plural,
  all,
  selected,
  options,
}: {
  /** The URL parameter. */
  name: string;
  /** The group's accessible name, shown above the control. */
  label: string;
  /** "Units": the summary's prefix when values are chosen. */
  plural: string;
  /** "All units": the summary when none is. */
  all: string;
  selected: readonly string[];
  options: [value: string, label: string][];
}) {
  const labelOf = new Map(options);
  const chosen = selected.map((v) => labelOf.get(v) ?? v);
  // A chosen value no longer in use (an old link) stays in the form, so applying keeps it.
  const extra = selected.filter((v) => !labelOf.has(v)).map((v): [string, string] => [v, v]);
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 block text-xs font-medium text-slate-600">{label}</legend>
      <details className="relative">
        <summary className={cn(controlClass, "cursor-pointer truncate")}>
          {chosen.length === 0 ? all : `${plural}: ${chosen.join(", ")}`}
        </summary>
        <div className="absolute z-10 mt-1 max-h-64 w-full sm:min-w-48 overflow-auto rounded-md bg-white p-2 shadow-lg ring-1 ring-slate-200">
          {options.length + extra.length === 0 ? (
            <p className="p-1 text-sm text-slate-500">None in use</p>
          ) : (
            [...options, ...extra].map(([value, text]) => (
              <label key={value} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                <input type="checkbox" name={name} value={value} defaultChecked={selected.includes(value)} />
                {text}
              </label>
            ))
          )}
        </div>
      </details>
    </fieldset>
  );
}
