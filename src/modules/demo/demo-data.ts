import type { PilotFormValues } from "@/modules/pilots/shared";
import type { PilotStage } from "@/generated/prisma/enums";

export const DEMO_ORGANIZATION = "Meridian Insurance Group";
export const DEMO_LOGIN = { name: "Alex Morgan", email: "demo@preflight.test", password: "fly-to-production" };
export const DEMO_VIEWER = { name: "Jordan Blake", email: "exec@preflight.test", password: "fly-to-production" };

/**
 * A stage the pilot entered, how many days ago, and — for a move towards production that its
 * latest verdict then did not support — the reason the stage gate asked for.
 */
export type DemoStage = [stage: PilotStage, daysAgo: number, reason?: string];

export interface DemoPilot {
  values: PilotFormValues;
  /** Stages the pilot went through, with how many days ago each began (oldest first). */
  history: DemoStage[];
}

const p = (values: Omit<PilotFormValues, "stage">, history: DemoStage[]): DemoPilot => ({
  values: { ...values, stage: history[history.length - 1]![0] },
  history,
});

/** A dozen realistic pilots across stages and business units. */
export const DEMO_PILOTS: DemoPilot[] = [
  p(
    {
      name: "Claims intake triage",
      summary: "Reads first notice of loss emails and routes each claim to the right handler queue",
      workflow: "Claims assistants read every incoming email and forward it to a queue by hand, around 2,400 a week",
      targetOutcome: "Cut median time from first notice to handler assignment from 26 hours to 4",
      businessUnit: "Claims",
      owningTeam: "Claims Operations Engineering",
      ownerName: "Priya Natarajan",
      ownerEmail: "priya.natarajan@meridian.example",
      executiveSponsor: "Chief Claims Officer",
      startDate: "2025-11-03",
      targetProductionDate: "2026-09-30",
      monthlyRunCost: "6800",
      outcomesPerMonth: "10400",
      tags: "llm, classification, customer-facing",
    },
    [
      ["IDEA", 390],
      ["PILOT", 330],
      [
        "PRODUCTION_INTENT",
        160,
        "Approved by the claims steering group to plan the production launch; the guardrail gate is to be closed first, and a re-assessment is booked for the next quarter.",
      ],
      ["PRODUCTION", 45],
    ],
  ),
  p(
    {
      name: "Underwriting document summariser",
      summary: "Summarises broker submissions into a one-page risk brief for commercial underwriters",
      workflow: "Underwriters read 40–120 pages of submission documents per risk before quoting",
      targetOutcome: "Raise quotes issued per underwriter per week from 11 to 16 without a rise in loss ratio",
      businessUnit: "Commercial Underwriting",
      owningTeam: "Underwriting Tools",
      ownerName: "Tomás Ferreira",
      ownerEmail: "tomas.ferreira@meridian.example",
      executiveSponsor: "Head of Commercial Lines",
      startDate: "2026-01-12",
      targetProductionDate: "2026-12-15",
      monthlyRunCost: "9200",
      outcomesPerMonth: "2100",
      tags: "llm, rag, summarisation",
    },
    [
      ["IDEA", 320],
      ["PILOT", 250],
      [
        "PRODUCTION_INTENT",
        70,
        "Underwriting leadership approved production planning. The unmet gates are go-live conditions; evaluation now runs in the release pipeline.",
      ],
    ],
  ),
  p(
    {
      name: "Fraud ring detection",
      summary: "Scores new claims for links to known fraud networks using a graph model",
      workflow: "The special investigations unit reviews a 5% random sample plus claims flagged by fixed rules",
      targetOutcome: "Double the share of referred claims confirmed as fraud, from 18% to 36%",
      businessUnit: "Claims",
      owningTeam: "Special Investigations Analytics",
      ownerName: "Grace Okafor",
      ownerEmail: "grace.okafor@meridian.example",
      executiveSponsor: "Chief Risk Officer",
      startDate: "2025-09-01",
      targetProductionDate: "2026-06-30",
      monthlyRunCost: "4100",
      outcomesPerMonth: "310",
      tags: "classic-ml, graph, fraud",
    },
    [
      ["IDEA", 450],
      ["PILOT", 400],
      [
        "PRODUCTION_INTENT",
        210,
        "The fraud committee approved a controlled production build; the readiness gaps are tracked as conditions for going live.",
      ],
    ],
  ),
  p(
    {
      name: "Contact centre agent assist",
      summary: "Suggests answers and next steps to contact centre agents during live calls",
      workflow: "Agents search the knowledge base by hand while the customer waits on hold",
      targetOutcome: "Reduce average handling time from 9.2 to 7 minutes and hold time by half",
      businessUnit: "Customer Service",
      owningTeam: "Contact Centre Platforms",
      ownerName: "Marcus Lindqvist",
      ownerEmail: "marcus.lindqvist@meridian.example",
      executiveSponsor: "Chief Customer Officer",
      startDate: "2026-02-02",
      targetProductionDate: "2027-01-31",
      monthlyRunCost: "14500",
      outcomesPerMonth: "52000",
      tags: "llm, rag, real-time",
    },
    [
      ["IDEA", 300],
      ["PILOT", 200],
    ],
  ),
  p(
    {
      name: "Policy wording Q&A for brokers",
      summary: "Answers broker questions about policy wordings with cited clauses",
      workflow: "Broker support staff answer wording questions by email, typically within two days",
      targetOutcome: "Answer 60% of broker wording questions instantly with a correct citation",
      businessUnit: "Distribution",
      owningTeam: "Broker Experience",
      ownerName: "",
      ownerEmail: "",
      executiveSponsor: "Head of Distribution",
      startDate: "2026-03-16",
      targetProductionDate: "",
      monthlyRunCost: "2300",
      outcomesPerMonth: "",
      tags: "llm, rag, external",
    },
    [
      ["IDEA", 250],
      ["PILOT", 180],
    ],
  ),
  p(
    {
      name: "Subrogation opportunity finder",
      summary: "Flags settled claims where another party may be liable and costs can be recovered",
      workflow: "Recovery specialists review settled motor claims by hand and miss most small ones",
      targetOutcome: "Recover an extra 1.5 million a year from claims under 5,000",
      businessUnit: "Claims",
      owningTeam: "Recoveries",
      ownerName: "Hannah Weiss",
      ownerEmail: "hannah.weiss@meridian.example",
      executiveSponsor: "Chief Claims Officer",
      startDate: "2025-06-02",
      targetProductionDate: "2026-03-31",
      monthlyRunCost: "1900",
      outcomesPerMonth: "140",
      tags: "classic-ml, recoveries",
    },
    [
      ["IDEA", 540],
      ["PILOT", 480],
    ],
  ),
  p(
    {
      name: "Renewal churn early warning",
      summary: "Predicts which personal-lines customers will not renew, 60 days ahead",
      workflow: "Retention calls go to customers chosen by premium size alone",
      targetOutcome: "Lift retention among called customers by 4 percentage points",
      businessUnit: "Personal Lines",
      owningTeam: "Customer Analytics",
      ownerName: "Ravi Shah",
      ownerEmail: "ravi.shah@meridian.example",
      executiveSponsor: "Managing Director, Personal Lines",
      startDate: "2024-10-07",
      targetProductionDate: "2025-06-30",
      monthlyRunCost: "1200",
      outcomesPerMonth: "3800",
      tags: "classic-ml, retention",
    },
    [
      ["IDEA", 760],
      ["PILOT", 700],
      [
        "PRODUCTION_INTENT",
        560,
        "Approved by the retention programme board before the readiness checklist was in use.",
      ],
      ["PRODUCTION", 480, "Went live before the readiness checklist was in use; assessed against it since."],
    ],
  ),
  p(
    {
      name: "Medical report extraction",
      summary: "Extracts diagnoses, dates and treatment costs from medical reports on injury claims",
      workflow: "Bodily injury handlers retype figures from scanned medical reports into the claims system",
      targetOutcome: "Remove 70% of manual re-keying on injury claims, with 99% field accuracy",
      businessUnit: "Claims",
      owningTeam: "Claims Operations Engineering",
      ownerName: "Priya Natarajan",
      ownerEmail: "priya.natarajan@meridian.example",
      executiveSponsor: "Chief Claims Officer",
      startDate: "2026-05-04",
      targetProductionDate: "2027-03-31",
      monthlyRunCost: "3600",
      outcomesPerMonth: "2900",
      tags: "llm, document-ai, sensitive-data",
    },
    [
      ["IDEA", 200],
      ["PILOT", 120],
    ],
  ),
  p(
    {
      name: "Marketing copy generator",
      summary: "Drafts campaign emails and landing-page copy in the brand's voice",
      workflow: "An agency writes each campaign's copy; turnaround is two weeks",
      targetOutcome: "Cut campaign copy turnaround to two days and agency spend by 40%",
      businessUnit: "Marketing",
      owningTeam: "Digital Marketing",
      ownerName: "",
      ownerEmail: "",
      executiveSponsor: "",
      startDate: "2026-07-01",
      targetProductionDate: "",
      monthlyRunCost: "650",
      outcomesPerMonth: "45",
      tags: "llm, generation",
    },
    [
      ["IDEA", 150],
      ["PILOT", 100],
    ],
  ),
  p(
    {
      name: "Catastrophe exposure nowcasting",
      summary: "Estimates insured exposure inside a storm's forecast path as it develops",
      workflow: "Actuaries build exposure estimates in spreadsheets during an event, taking a day or more",
      targetOutcome: "An exposure estimate within one hour of each forecast update",
      businessUnit: "Reinsurance",
      owningTeam: "Catastrophe Modelling",
      ownerName: "Elena Popescu",
      ownerEmail: "elena.popescu@meridian.example",
      executiveSponsor: "Chief Actuary",
      startDate: "",
      targetProductionDate: "",
      monthlyRunCost: "",
      outcomesPerMonth: "",
      tags: "classic-ml, geospatial",
    },
    [["IDEA", 60]],
  ),
  p(
    {
      name: "HR policy assistant",
      summary: "Answers employee questions about leave, benefits and expenses from HR policies",
      workflow: "The HR service desk answers about 900 routine policy questions a month",
      targetOutcome: "Deflect half of routine HR questions with answers employees rate as helpful",
      businessUnit: "People",
      owningTeam: "People Systems",
      ownerName: "Chloe Martin",
      ownerEmail: "chloe.martin@meridian.example",
      executiveSponsor: "Chief People Officer",
      startDate: "2025-04-07",
      targetProductionDate: "2025-10-31",
      monthlyRunCost: "900",
      outcomesPerMonth: "430",
      tags: "llm, rag, internal",
    },
    [
      ["IDEA", 600],
      ["PILOT", 560],
      ["RETIRED", 240],
    ],
  ),
  p(
    {
      name: "Pricing anomaly monitor",
      summary: "Detects quotes priced far outside the expected range before they are issued",
      workflow: "Pricing analysts review a weekly report of outliers after quotes have gone out",
      targetOutcome: "Catch 90% of mispriced quotes before issue, with under 2% false alarms",
      businessUnit: "Personal Lines",
      owningTeam: "Pricing Engineering",
      ownerName: "Daniel Kim",
      ownerEmail: "daniel.kim@meridian.example",
      executiveSponsor: "Chief Pricing Officer",
      startDate: "2025-12-01",
      targetProductionDate: "2026-10-31",
      monthlyRunCost: "2700",
      outcomesPerMonth: "18500",
      tags: "classic-ml, anomaly-detection",
    },
    [
      ["IDEA", 350],
      ["PILOT", 290],
      [
        "PRODUCTION_INTENT",
        120,
        "The pricing committee approved the production build on condition that monitoring and rollback reach level 2 before go-live.",
      ],
    ],
  ),
];
