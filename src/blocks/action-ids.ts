/** Every interactive element's action_id, in one place. Values of card buttons are the finding's full name. */
export enum ActionId {
  RelatedFindings = 'related_findings',
  AgentSettings = 'agent_settings',
  PullLogs = 'pull_logs',
  /** static select: checklist steps and the audit trail (option values `<verb>:<step>|<finding>`) */
  Checklist = 'checklist_menu',
  /** overflow menu behind a confirm dialog: claim / mute / resolve and their undos (`<verb>|<finding>`) */
  Lifecycle = 'lifecycle_menu',
  /** button under the T1611 brief in the thread: marks step 5 reviewed (value: finding name) */
  ReviewT1611 = 't1611_reviewed',
}

/** callback_ids of our modals. */
export enum ViewId {
  StepNote = 'step_note',
  ResponsePlan = 'response_plan',
}
