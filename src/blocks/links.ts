import { type Finding, parseAgent, parseFindingName, projectIdOf } from '../domain/finding.js';

/** Links we build ourselves, only to hosts we choose; every piece from a finding is URL-encoded. */

const CONSOLE = 'https://console.cloud.google.com';
export const MITRE_T1611_URL = 'https://attack.mitre.org/techniques/T1611/';

const enc = encodeURIComponent;

/** `?organizationId=…` or `?project=…`: the console scope a finding's links open in. */
function consoleScope(f: Finding): string {
  const parts = parseFindingName(f.name);
  if (parts?.root.startsWith('organizations/')) return `?organizationId=${enc(parts.root.slice(14))}`;
  const project = projectIdOf(f) ?? (parts?.root.startsWith('projects/') ? parts.root.slice(9) : undefined);
  return project ? `?project=${enc(project)}` : '';
}

export function findingConsoleUrl(f: Finding): string {
  return `${CONSOLE}/security/command-center/findingsv2;name=${enc(f.name)}${consoleScope(f)}`;
}

/** The SCC Findings page running `query` (an SCC filter), in the scope of finding `f`. */
export function findingsQueryUrl(f: Finding, query: string): string {
  return `${CONSOLE}/security/command-center/findingsv2;query=${enc(query)}${consoleScope(f)}`;
}

export function agentConsoleUrl(resourceName: string): string | undefined {
  const a = parseAgent(resourceName);
  if (!a) return undefined;
  return `${CONSOLE}/vertex-ai/agents/locations/${enc(a.location)}/agent-engines/${enc(a.engineId)}?project=${enc(a.project)}`;
}

/** Cloud Logging query for an agent's stdout/stderr. Values are quoted with JSON escaping. */
export function agentLogQuery(resourceName: string): string | undefined {
  const a = parseAgent(resourceName);
  if (!a) return undefined;
  return [
    'resource.type="aiplatform.googleapis.com/ReasoningEngine"',
    `resource.labels.reasoning_engine_id=${JSON.stringify(a.engineId)}`,
    `resource.labels.location=${JSON.stringify(a.location)}`,
  ].join('\n');
}

export function logsExplorerUrl(resourceName: string, startIso: string, endIso: string): string | undefined {
  const a = parseAgent(resourceName);
  const query = agentLogQuery(resourceName);
  if (!a || !query) return undefined;
  return logsQueryUrl(a.project, query, startIso, endIso);
}

/** Logs Explorer running exactly `query` over [start, end] in `project`. */
export function logsQueryUrl(project: string, query: string, startIso: string, endIso: string): string {
  return `${CONSOLE}/logs/query;query=${enc(query)};timeRange=${enc(startIso)}%2F${enc(endIso)}?project=${enc(project)}`;
}

/** Logs Explorer window around the event; ± minutes. */
export function logsWindow(eventTime: string, minutes: number): { start: string; end: string } | undefined {
  const t = Date.parse(eventTime);
  if (Number.isNaN(t)) return undefined;
  return {
    start: new Date(t - minutes * 60_000).toISOString(),
    end: new Date(t + minutes * 60_000).toISOString(),
  };
}

/** `<url|label>`; the label is ours (never untrusted), the URL is built above. */
export function link(url: string, label: string): string {
  return `<${url}|${label}>`;
}
