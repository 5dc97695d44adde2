/** Every interactive element's action_id, in one place. Values of card buttons are the finding's full name. */
export enum ActionId {
  RelatedFindings = 'related_findings',
  AgentSettings = 'agent_settings',
  PullLogs = 'pull_logs',
  /** overflow menu: checklist steps (option values `step:<n>` …) */
  Checklist = 'checklist_menu',
  /** overflow menu: claim / mute / resolve and their undos */
  Lifecycle = 'lifecycle_menu',
}
