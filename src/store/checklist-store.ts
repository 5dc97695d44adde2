import type { Assessment, Containment, ResponsePlan, StepNumber, StepRecord, StepState } from '../domain/checklist.js';
import type { Db } from './db.js';

interface StepRow {
  step: StepNumber;
  state: StepState;
  by_user: string;
  at: string;
  note: string;
}

interface PlanRow {
  version: number;
  assessment: Assessment;
  containment: Containment;
  owner: string;
  plan: string;
  by_user: string;
  at: string;
}

const toPlan = (r: PlanRow): ResponsePlan => ({
  version: r.version,
  assessment: r.assessment,
  containment: r.containment,
  owner: r.owner,
  plan: r.plan,
  by: r.by_user,
  at: r.at,
});

/** Checklist step states and response plans (every version kept) per finding. */
export class ChecklistStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      steps: db.prepare('SELECT step, state, by_user, at, note FROM checklist_steps WHERE finding_name = ?'),
      step: db.prepare(
        'SELECT step, state, by_user, at, note FROM checklist_steps WHERE finding_name = ? AND step = ?',
      ),
      upsert: db.prepare(
        `INSERT INTO checklist_steps (finding_name, step, state, by_user, at, note)
         VALUES (@name, @step, @state, @by, @at, @note)
         ON CONFLICT(finding_name, step) DO UPDATE SET state = excluded.state, by_user = excluded.by_user,
           at = excluded.at, note = excluded.note`,
      ),
      latestPlan: db.prepare('SELECT * FROM plans WHERE finding_name = ? ORDER BY version DESC LIMIT 1'),
      plans: db.prepare('SELECT * FROM plans WHERE finding_name = ? ORDER BY version'),
      insertPlan: db.prepare(
        `INSERT INTO plans (finding_name, version, assessment, containment, owner, plan, by_user, at)
         VALUES (@name, (SELECT COALESCE(MAX(version), 0) + 1 FROM plans WHERE finding_name = @name),
                 @assessment, @containment, @owner, @plan, @by, @at)`,
      ),
    };
  }

  /** All six steps, untouched ones as `open`. */
  steps(findingName: string): StepRecord[] {
    const rows = new Map((this.q.steps.all(findingName) as StepRow[]).map((r) => [r.step, r]));
    return ([1, 2, 3, 4, 5, 6] as const).map((step) => {
      const r = rows.get(step);
      return r
        ? { step, state: r.state, by: r.by_user, at: r.at, note: r.note }
        : { step, state: 'open', by: '', at: '', note: '' };
    });
  }

  step(findingName: string, step: StepNumber): StepRecord {
    const r = this.q.step.get(findingName, step) as StepRow | undefined;
    return r
      ? { step, state: r.state, by: r.by_user, at: r.at, note: r.note }
      : { step, state: 'open', by: '', at: '', note: '' };
  }

  /**
   * Moves a step to `state` unless it is already there. Check and write happen in one synchronous
   * transaction, so of two concurrent clicks exactly one changes the record. Returns the previous record
   * when it changed, undefined when it was a no-op.
   */
  transition(
    findingName: string,
    step: StepNumber,
    state: StepState,
    by: string,
    note: string,
    at: Date,
  ): StepRecord | undefined {
    return this.db.transaction(() => {
      const before = this.step(findingName, step);
      if (before.state === state) return undefined;
      this.q.upsert.run({ name: findingName, step, state, by, at: at.toISOString(), note });
      return before;
    })();
  }

  latestPlan(findingName: string): ResponsePlan | undefined {
    const r = this.q.latestPlan.get(findingName) as PlanRow | undefined;
    return r && toPlan(r);
  }

  plans(findingName: string): ResponsePlan[] {
    return (this.q.plans.all(findingName) as PlanRow[]).map(toPlan);
  }

  /** Stores a new version of the plan (earlier ones stay as history) and returns it. */
  savePlan(
    findingName: string,
    p: { assessment: Assessment; containment: Containment; owner: string; plan: string },
    by: string,
    at: Date,
  ): ResponsePlan {
    return this.db.transaction(() => {
      this.q.insertPlan.run({ name: findingName, ...p, by, at: at.toISOString() });
      const saved = this.latestPlan(findingName);
      if (!saved) throw new Error('plan vanished after insert');
      return saved;
    })();
  }
}
