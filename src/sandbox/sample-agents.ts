import type { ReasoningEngineJson } from '../fakes/aiplatform-server.js';

/**
 * Sample Vertex AI agents (ReasoningEngine) for sandbox mode: the agents of the sample findings.
 * Copies of test/fixtures/agents (a unit test keeps them equal), as a TypeScript module so the build ships them.
 */
export const SAMPLE_AGENTS: Readonly<Record<string, ReasoningEngineJson>> = {
  'support-triage-agent': {
    name: 'projects/acme-agents-prod/locations/us-central1/reasoningEngines/6203984713348243456',
    displayName: 'support-triage-agent',
    description: 'Routes support tickets to the right queue.',
    createTime: '2026-10-02T09:12:44.120Z',
    updateTime: '2026-11-30T11:40:03Z',
    etag: 'AMEw9yP1',
    labels: {
      team: 'support',
      env: 'prod',
    },
    spec: {
      agentFramework: 'langchain',
      serviceAccount: 'triage-agent@acme-agents-prod.iam.gserviceaccount.com',
      packageSpec: {
        pickleObjectGcsUri: 'gs://acme-agents-prod-staging/agent_engine/agent_engine.pkl',
        dependencyFilesGcsUri: 'gs://acme-agents-prod-staging/agent_engine/dependencies.tar.gz',
        requirementsGcsUri: 'gs://acme-agents-prod-staging/agent_engine/requirements.txt',
        pythonVersion: '3.11',
      },
      classMethods: [
        {
          name: 'query',
          api_mode: '',
          description: 'Answer one ticket.',
          parameters: {
            type: 'object',
            properties: {
              input: {
                type: 'string',
              },
            },
          },
        },
        {
          name: 'stream_query',
          api_mode: '',
          description: 'Stream an answer.',
          parameters: {
            type: 'object',
            properties: {
              input: {
                type: 'string',
              },
            },
          },
        },
      ],
      deploymentSpec: {
        env: [
          {
            name: 'LOG_LEVEL',
            value: 'info',
          },
          {
            name: 'OPENAI_API_KEY',
            value: 'sk-live-FAKE-plaintext-value-0001',
          },
          {
            name: 'TICKET_QUEUE',
            value: 'support-prod',
          },
        ],
        secretEnv: [
          {
            name: 'DB_PASSWORD',
            secretRef: {
              secret: 'triage-db-password',
              version: 'latest',
            },
          },
          {
            name: 'ZENDESK_TOKEN',
            secretRef: {
              secret: 'zendesk-api-token',
              version: '3',
            },
          },
        ],
        minInstances: 1,
        maxInstances: 10,
      },
    },
  },
  'deepce-dev-agent': {
    name: 'projects/acme-agents-dev/locations/europe-west4/reasoningEngines/884211907346821120',
    displayName: 'research-helper-dev',
    createTime: '2026-06-11T15:00:00Z',
    updateTime: '2026-08-20T10:30:00Z',
    spec: {
      agentFramework: 'google-adk',
      sourceCodeSpec: {
        pythonSpec: {
          version: '3.12',
          entrypointModule: 'agent',
          entrypointObject: 'root_agent',
        },
      },
      classMethods: [
        {
          name: 'query',
          api_mode: '',
          description: 'Ask.',
          parameters: {
            type: 'object',
            properties: {
              input: {
                type: 'string',
              },
            },
          },
        },
      ],
    },
  },
};
