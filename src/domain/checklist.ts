/** Google's six-step response to "Execution: Container Escape" on an Agent Engine agent. */
export const STEPS = [
  { n: 1, title: 'Review finding details', doneText: 'finding details reviewed' },
  { n: 2, title: 'Identify related findings', doneText: 'related findings checked' },
  { n: 3, title: "Review the agent's settings", doneText: 'agent settings reviewed' },
  { n: 4, title: "Check the agent's logs", doneText: 'agent logs checked' },
  { n: 5, title: 'Research MITRE ATT&CK T1611', doneText: 'T1611 research reviewed' },
  { n: 6, title: 'Develop a response plan', doneText: 'response plan written' },
] as const;

export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6;
export type StepState = 'open' | 'done' | 'skipped';

export interface StepRecord {
  step: StepNumber;
  state: StepState;
  /** who last changed it (empty while never touched) */
  by: string;
  /** ISO time of the last change (empty while never touched) */
  at: string;
  /** note when done, reason when skipped; user text */
  note: string;
}

export const ASSESSMENTS = {
  true_positive: 'True positive',
  benign: 'Benign',
  undetermined: 'Undetermined',
} as const;
export type Assessment = keyof typeof ASSESSMENTS;

export const CONTAINMENTS = {
  none_yet: 'None yet (investigating)',
  stop_agent: 'Stop or delete the agent',
  redeploy_clean: 'Redeploy the agent from a known-good package',
  rotate_sa: "Rotate/restrict the agent's service account",
  restrict_egress: 'Restrict network egress',
  other: 'Other (see plan)',
} as const;
export type Containment = keyof typeof CONTAINMENTS;

export interface ResponsePlan {
  version: number;
  assessment: Assessment;
  containment: Containment;
  /** Slack user id */
  owner: string;
  plan: string;
  by: string;
  at: string;
}

export function isStep(n: number): n is StepNumber {
  return Number.isInteger(n) && n >= 1 && n <= 6;
}

export function stepTitle(n: StepNumber): string {
  return STEPS[n - 1]?.title ?? `Step ${n}`;
}

/** Done or skipped both count: a skipped step was dealt with, and its reason is on record. */
export function progressOf(steps: readonly StepRecord[]): { done: number; total: number } {
  return { done: steps.filter((s) => s.state !== 'open').length, total: STEPS.length };
}
