// Public entry of the assessments module for client components: presentational pieces only,
// without the zod schemas that ./shared also exports (those would ship zod to every page).
export { VerdictBadge, VERDICT_LABELS } from "./components/verdict-badge";
