import type { Distribution } from "./distribution";

export type WorkshopStatus = "DRAFT" | "OPEN" | "CLOSED";
export type ItemState = "pending" | "current" | "revealed" | "agreed" | "skipped";

export interface Agreement {
  level: number | null;
  notApplicable: boolean;
  naReason: string;
  note: string;
  verifyWithEvidence: boolean;
}

export interface CriterionText {
  key: string;
  title: string;
  pillarTitle: string;
  whyItMatters: string;
  guidance: string;
  /** Descriptions of levels 0-3. */
  levels: string[];
}

/** The item on screen, as every screen in the room sees it. */
export interface LiveItem {
  id: string;
  position: number;
  pilotName: string;
  criterion: CriterionText;
  revealed: boolean;
  votedCount: number;
  /** Only once revealed. */
  distribution: Distribution | null;
  agreement: Agreement | null;
}

/** What a participant's phone shows. `version` is what it polls with (?since=version). */
export interface ParticipantState {
  version: number;
  status: WorkshopStatus;
  title: string;
  total: number;
  item: LiveItem | null;
  me: { displayName: string; vote: { level: number | null; comment: string } | null };
}

export interface OverviewItem {
  id: string;
  position: number;
  pilotName: string;
  criterionTitle: string;
  pillarTitle: string;
  state: ItemState;
  agreement: Agreement | null;
}

/** What the presenter shows. `key` (facilitator version and vote counter) is what it polls with. */
export interface FacilitatorState {
  key: string;
  version: number;
  status: WorkshopStatus;
  title: string;
  code: string;
  anonymous: boolean;
  total: number;
  /** Participants seen in the last minute, or who voted on this item. */
  participantCount: number;
  item: LiveItem | null;
  /** The votes, once revealed: names only when the workshop's votes are named. */
  votes: { name: string | null; level: number | null; comment: string }[];
  items: OverviewItem[];
}
