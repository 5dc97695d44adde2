/**
 * Our model of a Vertex AI Agent Engine agent (ReasoningEngine) as the settings answer shows it.
 * By construction it holds no env var values and no secret contents: the adapter drops them.
 */
export interface AgentSettings {
  /** projects/P/locations/L/reasoningEngines/ID */
  name: string;
  displayName: string;
  description: string;
  /** RFC3339; empty when unknown */
  createTime: string;
  updateTime: string;
  agentFramework: string;
  pythonVersion: string;
  pickleObjectGcsUri: string;
  requirementsGcsUri: string;
  dependencyFilesGcsUri: string;
  /** Empty: the default Reasoning Engine Service Agent. */
  serviceAccount: string;
  classMethods: string[];
  /** Names of plain env vars (values never leave the adapter). */
  envNames: string[];
  /** Env vars filled from Secret Manager: the variable and the secret it references, never a value. */
  secretEnv: { name: string; secret: string }[];
  labels: Record<string, string>;
}

/** One Cloud Logging entry of an agent, reduced to what a responder reads. */
export interface AgentLogEntry {
  /** RFC3339 */
  timestamp: string;
  severity: string;
  /** textPayload, jsonPayload.message (or the whole JSON), or the proto payload's type */
  text: string;
  /** e.g. reasoning_engine_stderr */
  log: string;
  insertId: string;
}
