/** Our own model of an SCC finding: everything outside `src/adapters` speaks this, never SDK types. */

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'SEVERITY_UNSPECIFIED';
export type FindingState = 'ACTIVE' | 'INACTIVE' | 'STATE_UNSPECIFIED';
export type Mute = 'MUTED' | 'UNMUTED' | 'UNDEFINED' | 'MUTE_UNSPECIFIED';

export interface ProcessInfo {
  name: string;
  binaryPath: string;
  args: string[];
  argumentsTruncated: boolean;
  pid: string;
  parentPid: string;
}

export interface Finding {
  /** Full v2 name: organizations/O/sources/S/locations/L/findings/F */
  name: string;
  category: string;
  state: FindingState;
  severity: Severity;
  mute: Mute;
  /** RFC3339; empty when SCC gave none */
  eventTime: string;
  createTime: string;
  resourceName: string;
  description: string;
  processes: ProcessInfo[];
  mitreTactic: string;
  mitreTechniques: string[];
  resource: {
    name: string;
    displayName: string;
    type: string;
    location: string;
    projectDisplayName: string;
    /** e.g. //cloudresourcemanager.googleapis.com/projects/acme-agents-prod */
    project: string;
  };
}

export const CONTAINER_ESCAPE_CATEGORY = 'Execution: Container Escape';

export interface AgentRef {
  /** projects/P/locations/L/reasoningEngines/ID */
  name: string;
  project: string;
  location: string;
  engineId: string;
}

const AGENT_RE = /(?:^|\/)projects\/([^/]+)\/locations\/([^/]+)\/reasoningEngines\/([^/]+)$/;

/** Parses `//aiplatform.googleapis.com/projects/P/locations/L/reasoningEngines/ID` (or without the host). */
export function parseAgent(resourceName: string): AgentRef | undefined {
  const m = AGENT_RE.exec(resourceName);
  if (!m || !resourceName.includes('/reasoningEngines/')) return undefined;
  const [, project, location, engineId] = m as unknown as [string, string, string, string];
  return {
    name: `projects/${project}/locations/${location}/reasoningEngines/${engineId}`,
    project,
    location,
    engineId,
  };
}

export interface FindingNameParts {
  /** organizations/O, folders/F or projects/P */
  root: string;
  source: string;
  location: string;
  findingId: string;
}

const V2_NAME_RE =
  /^((?:organizations|folders|projects)\/[A-Za-z0-9._-]+)\/sources\/([A-Za-z0-9_-]+)\/locations\/([A-Za-z0-9_-]+)\/findings\/([A-Za-z0-9_-]+)$/;

export function parseFindingName(name: string): FindingNameParts | undefined {
  const m = V2_NAME_RE.exec(name);
  if (!m) return undefined;
  const [, root, source, location, findingId] = m as unknown as [string, string, string, string, string];
  return { root, source, location, findingId };
}

export function findingIdOf(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Project id from the resource (agent name first; it is what the console links need). */
export function projectIdOf(f: Finding): string | undefined {
  const agent = parseAgent(f.resourceName);
  if (agent) return agent.project;
  const m = /\/projects\/([^/]+)$/.exec(f.resource.project);
  return m?.[1];
}
