// For scripts that must run with React's ordinary (client) build — react-pdf's renderer needs it,
// and the react-server condition swaps React for its server build — while still importing the
// app's server modules: "server-only" resolves to its empty module, as under react-server.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
        return next(specifier, context);
      }`),
  import.meta.url,
);
