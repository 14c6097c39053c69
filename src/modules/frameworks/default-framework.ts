/**
 * The default framework: "Preflight Production Readiness", version 1.
 *
 * Six pillars of the production checklist (README, "What it does"; docs/scoring.md for the levels). Levels follow the manual-versus-automated
 * idea of Google's ML Test Score: 0 absent, 1 ad hoc (by hand, undocumented), 2 defined
 * (documented, on a schedule), 3 automated (on every change or continuously, with alerts).
 *
 * A published version never changes: to edit this content, publish a new version.
 */
import type { CriterionSpec, FrameworkSpec } from "../scoring";

export interface CriterionContent {
  /** Stable key, `<pillar>.<kebab-name>`. */
  key: string;
  title: string;
  whyItMatters: string;
  guidance: string;
  /** Descriptions of levels 0, 1, 2 and 3. */
  levels: [string, string, string, string];
  weight: 1 | 2 | 3;
  isGate: boolean;
  targetLevel: 2 | 3;
  /** A concrete first step a team could start this week. */
  remediation: string;
}

export interface PillarContent {
  key: string;
  title: string;
  description: string;
  criteria: CriterionContent[];
}

export interface FrameworkContent {
  slug: string;
  name: string;
  description: string;
  version: number;
  thresholds: { ready: number; conditional: number };
  /** In display order. */
  pillars: PillarContent[];
}

/** Flattens framework content into what the scoring engine needs (display order preserved). */
export function toFrameworkSpec(content: FrameworkContent): FrameworkSpec {
  return {
    pillars: content.pillars.map((p) => ({ key: p.key, title: p.title })),
    criteria: content.pillars.flatMap((p) =>
      p.criteria.map((c): CriterionSpec => ({
        key: c.key,
        pillarKey: p.key,
        title: c.title,
        weight: c.weight,
        isGate: c.isGate,
        targetLevel: c.targetLevel,
        remediation: c.remediation,
      })),
    ),
    thresholds: { ready: content.thresholds.ready, conditional: content.thresholds.conditional },
  };
}

// ---- 1. Governed data -------------------------------------------------------------------------

const data: PillarContent = {
  key: "data",
  title: "Governed data",
  description:
    "The data the system reads, learns from and retrieves arrives through a governed pipeline on a schedule, is checked, can be traced to its source, and is handled according to who may see it.",
  criteria: [
    {
      key: "data.scheduled-feed",
      title: "Scheduled, governed data feed",
      whyItMatters:
        "A system that reads a file someone exported by hand stops working the week that person is busy, and nobody can say how fresh or complete its data is.",
      guidance:
        "Look at where the system's inputs come from today, including reference data and the documents behind retrieval. It only counts as a feed if it refreshes without anyone exporting or uploading files, from a source with a known owner.",
      levels: [
        "The system runs on a one-off extract or a hand-picked sample; there is no feed.",
        "Someone refreshes the data by hand (exports a file, re-runs a notebook) when they remember or are asked.",
        "A documented job pulls data from the system of record on a fixed schedule, and a named person owns each source.",
        "The pipeline runs by itself on a schedule or on events, is versioned with the code, and alerts the team when a run fails or data arrives late.",
      ],
      weight: 3,
      isGate: true,
      targetLevel: 2,
      remediation:
        "List every data source the system uses and who owns it, then replace the most important manual export with a scheduled job that reads straight from the source system.",
    },
    {
      key: "data.quality-checks",
      title: "Data quality checks",
      whyItMatters:
        "Many production failures start as quiet data problems: a missing field, a changed format, a batch of duplicates. The model keeps answering, only worse, and nobody is told.",
      guidance:
        "Checks should cover the schema, completeness, value ranges and freshness of each input: training data, live inputs and retrieval sources. Decide in advance what a failed check does: stop the load, set the batch aside, or continue with a warning.",
      levels: [
        "No checks; bad data is found when someone notices bad output.",
        "Someone looks over the data or runs a query now and then, with no record of what was checked.",
        "Written checks with agreed limits run on a schedule, and a named person reviews the results.",
        "Checks run inside the pipeline on every load, failing batches are stopped or set aside, and the owner is alerted.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 3,
      remediation:
        "Pick the three fields the system depends on most, write a check for each (present, within the expected range, recent enough), and run them at the end of the next data load.",
    },
    {
      key: "data.lineage-versioning",
      title: "Data lineage and versioning",
      whyItMatters:
        "When a result looks wrong, or an auditor asks why a decision was made, you need to know exactly which data the model saw and where that data came from.",
      guidance:
        "For any deployed version you should be able to name the version of the training, evaluation and retrieval data behind it, and trace each dataset back through its transformations to the source systems.",
      levels: [
        "Nobody can say which data produced the current model or index.",
        "Dataset versions live in file names, folder names or someone's memory.",
        "Datasets are kept as named, read-only versions, and each release records which versions it used and where they came from.",
        "The pipeline records lineage and data versions automatically on every run and links them to each deployed model or prompt version.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Stop overwriting datasets in place: save each training, evaluation and index snapshot as a dated, read-only version, and write that version into the notes of the next release.",
    },
    {
      key: "data.access-control",
      title: "Access control on data",
      whyItMatters:
        "Pilots often run on a developer's personal credentials with broad read access. In production that is a security hole and an audit finding waiting to happen.",
      guidance:
        "Check who and what can read the data the system uses, including service accounts, vendors and model providers. Access should be the minimum needed and granted through the organisation's identity system, not through shared keys.",
      levels: [
        "Shared credentials or personal accounts; anyone on the project can read everything.",
        "Access is limited informally, but grants are not recorded or reviewed.",
        "The system has its own service identity with minimum-access roles, and grants are documented and reviewed on a schedule.",
        "Access is defined in code and granted and revoked through the identity system; reads of sensitive data are logged and unusual access raises an alert.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Create a dedicated service account for the system, give it read access only to the tables or buckets it needs, and retire any personal or shared credentials it uses today.",
    },
    {
      key: "data.sensitive-data",
      title: "Sensitive and regulated data",
      whyItMatters:
        "Personal, health or financial data comes with legal duties such as GDPR or HIPAA. Sending it to a model provider, or keeping it in logs without a lawful basis, can stop a launch outright.",
      guidance:
        "Know which fields are personal or regulated, where they travel (prompts, logs, training sets, third-party APIs), how long they are kept, and whether the privacy or compliance team has signed off the design.",
      levels: [
        "Nobody has checked whether the system handles personal or regulated data.",
        "The team believes it knows which data is sensitive, but nothing is written down or reviewed.",
        "Sensitive fields are classified and masked or left out before they reach the model and the logs, retention periods are set, and privacy or compliance has reviewed the design.",
        "Classification and masking are enforced in the pipeline, retention is applied automatically, and sensitive data turning up where it should not raises an alert.",
      ],
      weight: 3,
      isGate: false,
      targetLevel: 2,
      remediation:
        "List every field the system sends to the model, to its logs and to any third-party API, mark which are personal or regulated, and book a review with your privacy or compliance lead.",
    },
  ],
};

// ---- 2. Automated evaluation ------------------------------------------------------------------

const evaluation: PillarContent = {
  key: "evaluation",
  title: "Automated evaluation",
  description:
    "Quality is measured against a real test set, automatically on every change, with pass marks tied to a business outcome, and followed over time and on live traffic.",
  criteria: [
    {
      key: "evaluation.test-set",
      title: "A real, representative test set",
      whyItMatters:
        "Without a fixed set of real examples with known good answers, the only measure of quality is someone's impression, and it changes with whoever is looking.",
      guidance:
        "Build the test set from real cases (production traffic or historical records), covering the common cases and the hard ones, with agreed expected outputs or grading rules. Keep it separate from anything used for training or prompt tuning.",
      levels: [
        "No test set; quality is judged by trying a few inputs.",
        "A handful of examples someone collected, not versioned, with the expected answers in their head.",
        "A versioned test set drawn from real cases, with labels or a grading rubric, reviewed and extended on a schedule.",
        "The test set grows continuously from production: failures, escalations and user feedback are labelled and added, and coverage of key case types is tracked.",
      ],
      weight: 3,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Collect 50 to 100 real cases, including ones the system got wrong, write down the expected answer or grading rule for each, and save them as version 1 of the test set.",
    },
    {
      key: "evaluation.every-change",
      title: "Automated evaluation on every change",
      whyItMatters:
        "A new prompt, model version, retrieval setting or feature can quietly make results worse. If evaluation depends on someone remembering to run it, a regression will eventually reach users.",
      guidance:
        "Any change that can affect output (code, prompt, model or provider version, retrieval index, features, configuration) should be run against the test set before it reaches users. This gate needs level 3: the run must happen by itself.",
      levels: [
        "Changes go out without anyone running the test set.",
        "Someone runs the test set by hand before some releases.",
        "A documented evaluation step is run by hand before every release, and the results are recorded.",
        "The pipeline evaluates every change against the test set, blocks changes that fall below the pass mark, and reports the scores.",
      ],
      weight: 3,
      isGate: true,
      targetLevel: 3,
      remediation:
        "Script the test-set run so it is a single command, then add it as a required step in your CI pipeline for every change to code, prompts or model settings.",
    },
    {
      key: "evaluation.kpi-thresholds",
      title: "Pass marks tied to business KPIs",
      whyItMatters:
        "A model metric on its own does not tell you whether the system is worth running. Deciding to launch needs a pass mark the business has agreed to, expressed in terms it cares about.",
      guidance:
        'Link each evaluation metric to the outcome it stands for (handling time, correct routing, cost per task) and agree a pass mark with the business owner, for example "at least 90% of tickets routed correctly, under 500 ms, for four weeks running". Include latency and cost, not only quality.',
      levels: [
        "No pass mark; success means people liked the demo.",
        "There is an informal target, but it is a model metric nobody has linked to a business result.",
        "Written pass marks, agreed with the business owner and linked to a KPI, are checked at every release decision.",
        "Pass marks are built into the pipeline's release checks, and the KPI itself is measured in production and compared with them automatically.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Spend an hour with the business owner and agree, in writing, the one KPI this system should move and the evaluation score and latency it must reach before a wider rollout.",
    },
    {
      key: "evaluation.tracked-over-time",
      title: "Quality tracked over time",
      whyItMatters:
        "A slow slide in quality spread across many small changes is invisible if you only ever look at one evaluation run at a time.",
      guidance:
        "Keep the result of every evaluation run, labelled with the version and what changed, so you can compare versions and see the trend.",
      levels: [
        "Evaluation results are not kept.",
        "Some results survive in chat threads, notebooks or slides.",
        "Every evaluation run is recorded in one place with its version, and the team reviews the trend on a schedule.",
        "Results are stored automatically for every version and charted, and a drop against the previous version or the trend raises an alert.",
      ],
      weight: 1,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Start a single results log (a shared table or an experiment tracker) and record the date, version, change and scores of every evaluation run from today.",
    },
    {
      key: "evaluation.live-feedback",
      title: "Evaluation on live traffic",
      whyItMatters:
        "Real users send inputs no test set anticipated. Grading a sample of live outputs shows how the system really performs and supplies new cases for the test set.",
      guidance:
        "Grade a sample of production or shadow outputs with the same rubric as the test set, capture user feedback (ratings, corrections, overrides), and where the system runs alongside people, measure how often it agrees with them.",
      levels: [
        "Nobody looks at live outputs.",
        "People look at live outputs occasionally, usually after a complaint.",
        "A documented sample of live outputs is graded on a fixed schedule, and the failures found are added to the test set.",
        "Live outputs are scored continuously (automatic graders, user feedback, human overrides), and a drop in quality raises an alert.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Set up a weekly review of 30 randomly sampled live outputs graded with the test-set rubric, and add every failure you find to the test set.",
    },
  ],
};

// ---- 3. Guardrails ----------------------------------------------------------------------------

const guardrails: PillarContent = {
  key: "guardrails",
  title: "Guardrails",
  description:
    "The system behaves safely when it is unsure, when input is hostile and when a topic is sensitive; people can review and take over; and outcomes are checked for unfairness.",
  criteria: [
    {
      key: "guardrails.uncertain-output",
      title: "Safe handling of uncertain or unsafe output",
      whyItMatters:
        "Every model is sometimes confidently wrong. In production what matters is what happens next: a fallback, a refusal or a handover to a person, rather than a wrong answer presented as fact.",
      guidance:
        "Define what the system does when confidence is low, when an answer is not supported by the retrieved sources, or when output fails a safety or format check: decline to answer, fall back to a rule or default, or pass the case to a person.",
      levels: [
        "Whatever the model returns is shown to users or acted on.",
        "A few prompt instructions or ad hoc checks exist, but what happens on a bad output is undefined and untested.",
        "Documented rules say when to decline, fall back or escalate (confidence or grounding thresholds, output checks), and they are tested before each release.",
        "Output checks run on every request, tests for these cases run on every change, and fallback rates are monitored with alerts on spikes.",
      ],
      weight: 3,
      isGate: true,
      targetLevel: 2,
      remediation:
        "Choose a confidence or grounding signal and a threshold below which the system says it does not know or hands over to a person, then add ten low-confidence cases to the test set to prove it works.",
    },
    {
      key: "guardrails.adversarial-input",
      title: "Resistance to adversarial input",
      whyItMatters:
        "Once real users arrive, someone will try prompt injection, jailbreaks, or oversized and malformed input. A system tested only on friendly input is easy to misuse.",
      guidance:
        "Cover the attacks that fit the system: instructions hidden in user text or retrieved documents, attempts to extract data or the system prompt, malformed or out-of-range values. Validate and bound input before it reaches the model.",
      levels: [
        "No input validation and no abuse testing.",
        "The team tried a few tricks by hand, once.",
        "Input is validated and bounded, and a documented set of attack cases is run before each release.",
        "An attack suite runs on every change, suspicious input is detected and logged in production, and spikes alert the team.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Write 20 adversarial test cases for this system (injected instructions, data-extraction attempts, malformed input), run them, and fix the worst failure first.",
    },
    {
      key: "guardrails.sensitive-topics",
      title: "Sensitive and regulated topics",
      whyItMatters:
        "An answer about health, money, law or someone's rights can cause real harm or break regulation, even when it is technically accurate.",
      guidance:
        "With compliance or legal, list the topics and decisions that are out of scope or need special handling for this use case, and decide how the system responds to each: decline, add a caveat, or hand over to a person.",
      levels: [
        "Nobody has listed which topics or decisions are sensitive.",
        "Sensitive topics are handled through prompt wording or developer judgement, and nobody has tested it.",
        "A documented policy agreed with compliance says how each sensitive topic is handled, and test cases check it before each release.",
        "Topic detection and policy checks run on every request and every change, and violations are logged and alerted.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Hold a 30-minute session with compliance or legal to list the topics this system must not handle on its own, write the expected response for each, and add them to the test set.",
    },
    {
      key: "guardrails.human-review",
      title: "Human review and escalation",
      whyItMatters:
        "For high-stakes or uncertain cases a person must be able to review, correct or take over. Running alongside people first also shows where the system fails before it acts alone.",
      guidance:
        "Define which cases go to a person, who reviews them and how quickly, and how their corrections are recorded and fed back. Track the escalation rate and the size of the review queue.",
      levels: [
        "There is no way for a person to review or override the system.",
        "People can step in informally, for example by messaging the developer.",
        "A documented review path with named reviewers and a response time handles escalated cases, and corrections are recorded.",
        "Cases are routed to a review queue automatically by rule, queue size and response times are monitored with alerts, and corrections flow back into the test set.",
      ],
      weight: 3,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Decide which cases need a person (by confidence, amount or topic), name who reviews them, and set up a simple shared queue for those cases before widening the rollout.",
    },
    {
      key: "guardrails.fairness",
      title: "Fairness and explainability",
      whyItMatters:
        "A system that works well on average can fail badly for one group of customers or staff, and regulators and the people affected will ask why it made a particular decision.",
      guidance:
        "Where outputs affect people, compare quality across the groups that matter (region, language, customer segment, and protected characteristics where that is lawful), and make sure a decision can be explained to the person it affects.",
      levels: [
        "Results have never been compared across groups, and decisions cannot be explained.",
        "Someone spot-checked a few groups once.",
        "A documented fairness review compares results across agreed groups before each release, and there is a written way to explain individual outcomes.",
        "Group-level metrics are computed on every change and in production, with an alert when the gap between groups passes an agreed limit.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Choose two or three groups that matter for this use case, split your test-set results by them, and record any gap you find with an owner to investigate it.",
    },
  ],
};

// ---- 4. Observability and cost ----------------------------------------------------------------

const observability: PillarContent = {
  key: "observability",
  title: "Observability and cost",
  description:
    "You can see what the system did for any request, how its inputs and performance are changing, and what each useful outcome costs, with alerts that reach someone and one shared dashboard.",
  criteria: [
    {
      key: "observability.request-tracing",
      title: "Traces of every request",
      whyItMatters:
        "When a user reports a bad answer, you need to see what actually happened: the input, the retrieved context, the model and prompt version, the output, and how long each step took.",
      guidance:
        "Record a trace for every request, with an ID that follows it across services: input, intermediate steps (retrieval, tool calls, retries), output, versions, latency and token or compute usage, with sensitive fields masked.",
      levels: [
        "Nothing is logged beyond server errors.",
        "Some print statements or partial logs; a single request cannot be reconstructed.",
        "Requests are logged in a documented structure with versions and key steps, and the team can look one up when needed.",
        "Every request is traced end to end automatically, traces are searchable, and error patterns raise alerts.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 3,
      remediation:
        "Add a request ID and one structured log entry per request with input, output, model and prompt version, latency and tokens, then check that you can find yesterday's requests by ID.",
    },
    {
      key: "observability.drift",
      title: "Input and output drift monitoring",
      whyItMatters:
        "The world shifts under a model: new products, new wording, new kinds of customer. Quality erodes gradually, long before anyone complains.",
      guidance:
        "Compare current inputs (feature values, topics, languages, lengths) and outputs (class mix, refusal rate, answer length) with a baseline, and agree in advance how much change calls for action.",
      levels: [
        "Drift is not measured.",
        "Someone compares recent data with the training data when quality seems off.",
        "A documented drift report against a baseline is produced and reviewed on a schedule.",
        "Drift is measured continuously against thresholds, and crossing one alerts the owner and can trigger a review or retraining.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 3,
      remediation:
        "Pick the five input properties that matter most, record their distribution over the last month as a baseline, and schedule a weekly comparison against it.",
    },
    {
      key: "observability.latency-errors",
      title: "Latency and error rates",
      whyItMatters:
        "A correct answer that arrives too late, or a call that fails one time in twenty, still breaks the workflow the system is part of.",
      guidance:
        "Measure end-to-end latency, including retrieval and retries, at the median and at the slow end (p95 or p99), along with error and timeout rates, against targets agreed with the people who depend on the system.",
      levels: [
        "Latency and errors are not measured.",
        "Someone checks latency by hand when users complain.",
        "Latency and error targets are documented and measured, and the team reviews them on a schedule.",
        "Latency percentiles and error rates are measured continuously against the targets, with alerts when they are breached.",
      ],
      weight: 1,
      isGate: false,
      targetLevel: 3,
      remediation:
        "Agree a p95 latency and an error-rate target with the system's users, then chart both from the request logs you already have.",
    },
    {
      key: "observability.cost-per-outcome",
      title: "Known cost per outcome",
      whyItMatters:
        "Cost per request hides the real bill. Add retries, retrieval, infrastructure and the people reviewing output, and a system that looked cheap can turn out to cost more than the work it replaces; the first budget review will show it.",
      guidance:
        "Define the outcome (a resolved ticket, a processed document, a correct decision), then add up everything it takes to produce one: model and API calls including retries, retrieval and storage, compute, and the time people spend reviewing. Compare it with what the outcome is worth.",
      levels: [
        "Nobody knows what the system costs per request or per outcome.",
        "There is a rough estimate, usually per request or per month, taken from the provider's bill.",
        "The all-in cost per outcome, including retries, retrieval and human review, is worked out on a schedule, documented, and compared with the value delivered.",
        "Cost per outcome is computed continuously from usage data, shown next to value, and unit-cost or budget limits trigger alerts.",
      ],
      weight: 3,
      isGate: true,
      targetLevel: 2,
      remediation:
        "Define the outcome this system produces, add up last month's bills and review hours, divide by the number of outcomes, and share the figure and its assumptions with the budget owner.",
    },
    {
      key: "observability.alerting",
      title: "Alerts that reach someone",
      whyItMatters:
        "A dashboard nobody is watching catches nothing. Problems are caught early only when a signal reaches a person who can act on it.",
      guidance:
        "Alerts should cover outages, error spikes, slow responses, drift, drops in quality and cost overruns; go to the owning team's on-call channel; and say what to check first.",
      levels: [
        "No alerts; users report problems.",
        "A few alerts exist, but they go to one person's inbox or a channel nobody watches.",
        "Documented alerts with agreed thresholds go to the owning team and are reviewed on a schedule to remove noise.",
        "Alerts cover availability, quality, drift and cost, page the on-call engineer automatically, link to the runbook, and are tested regularly.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 3,
      remediation:
        "Set up two alerts this week, one on error rate and one on daily spend, send them to the owning team's on-call channel, and attach a short note on what to check first.",
    },
    {
      key: "observability.dashboard",
      title: "One shared dashboard",
      whyItMatters:
        "A single view of health, quality, drift and cost means the team, its managers and finance discuss the same numbers instead of arguing about whose are right.",
      guidance:
        "One dashboard showing traffic, latency, errors, quality, drift and cost per outcome, readable by someone outside the team.",
      levels: [
        "No dashboard.",
        "Figures are gathered by hand for status meetings.",
        "A documented dashboard covering the main signals exists and is reviewed in a regular meeting.",
        "The dashboard updates from live data, covers health, quality, drift and cost, and is linked from alerts and the runbook.",
      ],
      weight: 1,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Build a first dashboard with four panels (requests, p95 latency, error rate, cost per outcome) and go through it at your next team meeting.",
    },
  ],
};

// ---- 5. CI/CD and operations ------------------------------------------------------------------

const operations: PillarContent = {
  key: "operations",
  title: "CI/CD and operations",
  description:
    "Changes ship through a pipeline, every model, prompt and setting is versioned, a bad release can be undone in minutes, rollouts are staged, and models and indexes are kept current.",
  criteria: [
    {
      key: "operations.deploy-pipeline",
      title: "Deploy pipeline",
      whyItMatters:
        "If releasing means someone copying files or pasting a prompt into a console, releases are slow, hard to repeat and depend on one person being available.",
      guidance:
        "Every change to code, prompts, model or configuration should reach production through the same scripted pipeline, which anyone on the team can run and which records what it did.",
      levels: [
        "Releases are done by hand: copying files, editing prompts in a console, running a notebook.",
        "Some scripts exist, but a release still needs the person who wrote them.",
        "A documented, scripted pipeline builds and deploys every change, and anyone on the team can run it.",
        "Every merged change goes through the pipeline automatically with tests and evaluation, each deployment is recorded, and failures alert the team.",
      ],
      weight: 3,
      isGate: true,
      targetLevel: 2,
      remediation:
        "Write down every step of your last release, turn those steps into one script in version control, and have someone other than its author use it for the next release.",
    },
    {
      key: "operations.versioning",
      title: "Versioned models, prompts and configuration",
      whyItMatters:
        "If you cannot say exactly which model, prompt and settings are live, you cannot reproduce a problem, compare two versions or go back to the last good one.",
      guidance:
        "Model artefacts, prompts, retrieval settings and configuration all live in version control or a model registry, and every deployment records which versions it contains.",
      levels: [
        "Prompts and models are edited in place, with no versions.",
        "Some parts are versioned; others live in consoles, notebooks or local files.",
        "All models, prompts and configuration are versioned in a repository or registry, and each release records the versions it uses.",
        "The pipeline creates and records versions automatically, and the version of every component is attached to each request trace.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Move every prompt and model setting out of consoles and notebooks into the code repository or a model registry, and record their version identifiers with each deployment.",
    },
    {
      key: "operations.rollback",
      title: "Fast rollback",
      whyItMatters:
        "Some bad releases will get through. What limits the damage is how quickly you can put the last good version back.",
      guidance:
        "You should be able to return to the previous model, prompt and configuration within minutes, without rebuilding anything, and you should have practised doing it.",
      levels: [
        "There is no way back other than fixing forward.",
        "Rollback is possible in principle but has never been tried, and would need the original builder.",
        "A documented rollback procedure has been rehearsed and restores the previous version within an agreed time.",
        "Rollback is one automated step, or happens by itself when health or quality checks fail after a deploy, and it is exercised regularly.",
      ],
      weight: 3,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Write a rollback procedure covering model, prompt and configuration, then rehearse it in a test environment and time how long it takes.",
    },
    {
      key: "operations.staged-rollout",
      title: "Staged rollout",
      whyItMatters:
        "Releasing to everyone at once means every user meets a new problem at once. Shadow runs and canary releases show real behaviour while the risk is still small.",
      guidance:
        "A new version first runs in shadow (next to the current system or the people doing the work today, without acting) or on a small share of traffic, is compared with the current version, and is widened only when it meets agreed thresholds.",
      levels: [
        "Every release goes to all users at once.",
        "New versions are sometimes tried on a few friendly users first, informally.",
        "A documented rollout plan (shadow, then canary, then everyone) with criteria for each step is followed for every release.",
        "The pipeline runs the shadow and canary stages itself, compares them with the current version, and promotes or rolls back against thresholds.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "For the next release, run the new version in shadow on real traffic for a week and compare its outputs with the current version before switching over.",
    },
    {
      key: "operations.retraining",
      title: "Retraining and refresh",
      whyItMatters:
        "Models, prompts and indexes go stale as the data changes, and providers change or retire model versions. Without a way to refresh them, quality quietly decays.",
      guidance:
        "For trained models, a reproducible retraining pipeline. For LLM applications, refreshing the retrieval index and re-checking the system when the provider's model version changes. Either way, the refreshed version must pass the same evaluation before release.",
      levels: [
        "The model or index has not been updated since the pilot, and nobody knows how to rebuild it.",
        "Only the person who built it can rebuild it, by hand.",
        "A documented, reproducible retraining or refresh runs on a schedule, and its output is evaluated before release.",
        "Retraining or refresh starts by itself (on a schedule, on drift or on new data), is evaluated against the test set, and is promoted only if it passes.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Rebuild the current model or index from scratch by following written steps, fill in whatever the steps were missing, and book the next refresh date in the team calendar.",
    },
  ],
};

// ---- 6. Ownership -----------------------------------------------------------------------------

const ownership: PillarContent = {
  key: "ownership",
  title: "Ownership",
  description:
    "A named team runs the system like any other service, with on-call cover, a funded backlog, a business owner accountable for the outcome, and a runbook a mid-level engineer could follow.",
  criteria: [
    {
      key: "ownership.owning-team",
      title: "A named owning team",
      whyItMatters:
        "A pilot looked after by its builder in spare time ends when that person moves on, and nobody is there to answer when security or finance start asking questions.",
      guidance:
        "A team, not an individual, is accountable for the system in production: its reliability, its changes and its costs. The ownership is recorded wherever the organisation records who owns which service.",
      levels: [
        "No one owns the system; it belongs to whoever built it, or to a vendor.",
        "One person looks after it informally, alongside their actual job.",
        "A named team is accountable, is recorded as the owner in the service catalogue, and plans the system into its work.",
        "Recorded ownership drives routing: alerts, incidents, costs and access requests reach the team automatically, and ownership is reviewed whenever teams change.",
      ],
      weight: 3,
      isGate: true,
      targetLevel: 2,
      remediation:
        "Agree with engineering leadership which team owns the system in production, record it in your service catalogue, and schedule a hand-over session with the people who built the pilot.",
    },
    {
      key: "ownership.on-call",
      title: "On-call cover",
      whyItMatters:
        "A system people rely on will fail at an awkward hour. Someone has to be reachable, with the access and knowledge to act.",
      guidance:
        "The owning team's on-call rotation covers this system during the hours the business needs it, and the engineers on call have the access and the know-how to respond.",
      levels: [
        "Nobody is on call; problems wait until someone notices.",
        "The builder gets a message when something breaks.",
        "The system is covered by the owning team's documented on-call rotation, with a schedule and an escalation path.",
        "Alerts page the on-call engineer automatically, incidents are tracked, and the response is reviewed after each one.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Add the system to the owning team's on-call rotation, and have each engineer on it walk through the runbook and confirm they have the access they need.",
    },
    {
      key: "ownership.backlog-budget",
      title: "Backlog and budget for operations",
      whyItMatters:
        "Monitoring, retraining, fixes and provider bills continue after launch. Without planned time and money, the system decays once the launch team moves on.",
      guidance:
        "Operational work (bugs, retraining, test-set upkeep, dependency and model updates) sits in the owning team's backlog, and running costs have an approved budget line with a named holder.",
      levels: [
        "No backlog and no budget for running the system.",
        "Work is tracked loosely, and running costs come out of whatever budget was at hand.",
        "Operational work is in the owning team's backlog and planned with the rest, and running costs sit in an approved budget reviewed on a schedule.",
        "Operational work is raised automatically from incidents, alerts and failed evaluations, and spending is tracked against budget with alerts on overruns.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Open a backlog for operational work on the system, add the issues you already know about, and estimate next year's running costs from current usage for the budget owner.",
    },
    {
      key: "ownership.runbook",
      title: "A runbook a mid-level engineer can follow",
      whyItMatters:
        "A system only its builder can run is a single point of failure. An engineer who did not build it should be able to deploy, diagnose and recover it from the documentation alone.",
      guidance:
        "The runbook explains how the system works, how to deploy and roll back, the usual failures and how to diagnose them, where the dashboards and logs are, and whom to contact.",
      levels: [
        "No runbook; the knowledge is in people's heads.",
        "Scattered notes, or a README written for the builder.",
        "A maintained runbook covers deployment, rollback, common failures and contacts, and someone who did not build the system has used it successfully.",
        "The runbook is versioned with the code, linked from every alert, updated after each incident and checked in regular drills.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Ask an engineer who has never worked on the system to deploy it and roll it back using only the documentation, and write down every question they have to ask.",
    },
    {
      key: "ownership.business-outcome",
      title: "A business owner for the outcome",
      whyItMatters:
        "Without someone on the business side accountable for the result, nobody can say whether the system is worth what it costs, and it is first in line when budgets are cut.",
      guidance:
        "A named business owner is responsible for the KPI the system is meant to move, takes part in release decisions, and regularly weighs the value delivered against the cost.",
      levels: [
        "No one on the business side is accountable for the result.",
        "A sponsor liked the demo but has no measurable target.",
        "A named business owner has a documented target KPI and reviews results against it on a schedule.",
        "The KPI is measured automatically in production and reported next to cost, and the business owner is alerted when it moves away from target.",
      ],
      weight: 2,
      isGate: false,
      targetLevel: 2,
      remediation:
        "Name one business owner, agree the KPI and its target with them in writing, and put a monthly review of that KPI against cost in their calendar.",
    },
  ],
};

// ---- the framework ----------------------------------------------------------------------------

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Frozen at runtime: a published framework version never changes. */
export const DEFAULT_FRAMEWORK: FrameworkContent = deepFreeze({
  slug: "preflight-production-readiness",
  name: "Preflight Production Readiness",
  description:
    "What an AI system, from an LLM application to a classic ML model, needs before it can be trusted in production: governed data, automated evaluation, guardrails, observability and cost, CI/CD and operations, and ownership. Each criterion is rated from 0 (absent) to 3 (automated and alerting); gates must reach their target before a pilot can be called ready.",
  version: 1,
  thresholds: { ready: 75, conditional: 50 },
  pillars: [data, evaluation, guardrails, observability, operations, ownership],
});
