// Public entry of the pilots module for client components: presentational pieces only, without
// the zod schemas that ./shared also exports (those would ship zod to every page).
export { StageBadge } from "./components/stage-badge";
