import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

/** A plain GET form to /w?code=…: works before any script has loaded. */
export function CodeForm() {
  return (
    <form action="/w" method="get" className="space-y-3">
      <label htmlFor="code" className="block text-sm font-medium text-slate-800">
        Workshop code
      </label>
      <input
        id="code"
        name="code"
        required
        autoCapitalize="characters"
        autoComplete="off"
        maxLength={12}
        className={`${controlClass} py-3 font-mono text-2xl uppercase tracking-widest`}
      />
      <button type="submit" className={buttonClass("primary", "w-full py-3 text-lg")}>
        Go to the workshop
      </button>
    </form>
  );
}
