import { z } from 'zod';
import type { ChecklistVerb } from '../blocks/card-actions.js';
import type { LifecycleChange } from '../blocks/lifecycle.js';
import { InvalidPayload } from '../errors.js';

const selected = z.object({ selected_option: z.object({ value: z.string().max(200) }) });

const CHECKLIST = /^(done|note|skip|reopen|brief|plan|audit):([0-6])\|(.+)$/;
const LIFECYCLE = /^(claim|unclaim|mute|unmute|resolve|reactivate)\|(.+)$/;

/** `<verb>:<step>|<finding>` from the checklist menu; the finding name is validated by parseCardContext. */
export function parseChecklistOption(action: unknown): { verb: ChecklistVerb; step: number; findingName: string } {
  const a = selected.safeParse(action);
  const m = a.success ? CHECKLIST.exec(a.data.selected_option.value) : null;
  if (!m) throw new InvalidPayload('checklist menu option', 'unexpected value');
  return { verb: m[1] as ChecklistVerb, step: Number(m[2]), findingName: m[3] as string };
}

/** `<verb>|<finding>` from the lifecycle menu. */
export function parseLifecycleOption(action: unknown): { change: LifecycleChange; findingName: string } {
  const a = selected.safeParse(action);
  const m = a.success ? LIFECYCLE.exec(a.data.selected_option.value) : null;
  if (!m) throw new InvalidPayload('lifecycle menu option', 'unexpected value');
  return { change: m[1] as LifecycleChange, findingName: m[2] as string };
}
