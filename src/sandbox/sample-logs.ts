import type { LogEntryJson } from '../fakes/logging-server.js';

/**
 * Sample Cloud Logging entries for sandbox mode, around the sample findings of each agent.
 * Copies of test/fixtures/logs (a unit test keeps them equal), as a TypeScript module so the build ships them.
 */
export const SAMPLE_LOGS: Readonly<Record<string, LogEntryJson[]>> = {
  'support-triage-agent': [
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:07:11.482Z',
      receiveTimestamp: '2026-11-30T13:07:12.482Z',
      severity: 'WARNING',
      insertId: 'ins0001',
      jsonPayload: {
        message: 'routed ticket 1000 to queue support-prod',
        ticket: 1000,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:09:28.482Z',
      receiveTimestamp: '2026-11-30T13:09:29.482Z',
      severity: 'INFO',
      insertId: 'ins0002',
      textPayload: 'GET /query 200 ticket=1001 latency_ms=41',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:11:45.482Z',
      receiveTimestamp: '2026-11-30T13:11:46.482Z',
      severity: 'INFO',
      insertId: 'ins0003',
      jsonPayload: {
        message: 'routed ticket 1002 to queue support-prod',
        ticket: 1002,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:14:02.482Z',
      receiveTimestamp: '2026-11-30T13:14:03.482Z',
      severity: 'INFO',
      insertId: 'ins0004',
      textPayload: 'GET /query 200 ticket=1003 latency_ms=43',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:16:19.482Z',
      receiveTimestamp: '2026-11-30T13:16:20.482Z',
      severity: 'INFO',
      insertId: 'ins0005',
      jsonPayload: {
        message: 'routed ticket 1004 to queue support-prod',
        ticket: 1004,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:18:36.482Z',
      receiveTimestamp: '2026-11-30T13:18:37.482Z',
      severity: 'INFO',
      insertId: 'ins0006',
      textPayload: 'GET /query 200 ticket=1005 latency_ms=45',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:20:53.482Z',
      receiveTimestamp: '2026-11-30T13:20:54.482Z',
      severity: 'INFO',
      insertId: 'ins0007',
      jsonPayload: {
        message: 'routed ticket 1006 to queue support-prod',
        ticket: 1006,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:23:10.482Z',
      receiveTimestamp: '2026-11-30T13:23:11.482Z',
      severity: 'WARNING',
      insertId: 'ins0008',
      textPayload: 'GET /query 200 ticket=1007 latency_ms=47',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:25:27.482Z',
      receiveTimestamp: '2026-11-30T13:25:28.482Z',
      severity: 'INFO',
      insertId: 'ins0009',
      jsonPayload: {
        message: 'routed ticket 1008 to queue support-prod',
        ticket: 1008,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:27:44.482Z',
      receiveTimestamp: '2026-11-30T13:27:45.482Z',
      severity: 'INFO',
      insertId: 'ins0010',
      textPayload: 'GET /query 200 ticket=1009 latency_ms=49',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:30:01.482Z',
      receiveTimestamp: '2026-11-30T13:30:02.482Z',
      severity: 'INFO',
      insertId: 'ins0011',
      jsonPayload: {
        message: 'routed ticket 1010 to queue support-prod',
        ticket: 1010,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:32:18.482Z',
      receiveTimestamp: '2026-11-30T13:32:19.482Z',
      severity: 'INFO',
      insertId: 'ins0012',
      textPayload: 'GET /query 200 ticket=1011 latency_ms=51',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:34:35.482Z',
      receiveTimestamp: '2026-11-30T13:34:36.482Z',
      severity: 'INFO',
      insertId: 'ins0013',
      jsonPayload: {
        message: 'routed ticket 1012 to queue support-prod',
        ticket: 1012,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:36:52.482Z',
      receiveTimestamp: '2026-11-30T13:36:53.482Z',
      severity: 'INFO',
      insertId: 'ins0014',
      textPayload: 'GET /query 200 ticket=1013 latency_ms=53',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:39:09.482Z',
      receiveTimestamp: '2026-11-30T13:39:10.482Z',
      severity: 'WARNING',
      insertId: 'ins0015',
      jsonPayload: {
        message: 'routed ticket 1014 to queue support-prod',
        ticket: 1014,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:41:26.482Z',
      receiveTimestamp: '2026-11-30T13:41:27.482Z',
      severity: 'INFO',
      insertId: 'ins0016',
      textPayload: 'GET /query 200 ticket=1015 latency_ms=55',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:43:43.482Z',
      receiveTimestamp: '2026-11-30T13:43:44.482Z',
      severity: 'INFO',
      insertId: 'ins0017',
      jsonPayload: {
        message: 'routed ticket 1016 to queue support-prod',
        ticket: 1016,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:46:00.482Z',
      receiveTimestamp: '2026-11-30T13:46:01.482Z',
      severity: 'INFO',
      insertId: 'ins0018',
      textPayload: 'GET /query 200 ticket=1017 latency_ms=57',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:48:17.482Z',
      receiveTimestamp: '2026-11-30T13:48:18.482Z',
      severity: 'INFO',
      insertId: 'ins0019',
      jsonPayload: {
        message: 'routed ticket 1018 to queue support-prod',
        ticket: 1018,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:50:34.482Z',
      receiveTimestamp: '2026-11-30T13:50:35.482Z',
      severity: 'INFO',
      insertId: 'ins0020',
      textPayload: 'GET /query 200 ticket=1019 latency_ms=59',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:52:51.482Z',
      receiveTimestamp: '2026-11-30T13:52:52.482Z',
      severity: 'INFO',
      insertId: 'ins0021',
      jsonPayload: {
        message: 'routed ticket 1020 to queue support-prod',
        ticket: 1020,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:55:08.482Z',
      receiveTimestamp: '2026-11-30T13:55:09.482Z',
      severity: 'WARNING',
      insertId: 'ins0022',
      textPayload: 'GET /query 200 ticket=1021 latency_ms=61',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:57:25.482Z',
      receiveTimestamp: '2026-11-30T13:57:26.482Z',
      severity: 'INFO',
      insertId: 'ins0023',
      jsonPayload: {
        message: 'routed ticket 1022 to queue support-prod',
        ticket: 1022,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:59:42.482Z',
      receiveTimestamp: '2026-11-30T13:59:43.482Z',
      severity: 'INFO',
      insertId: 'ins0024',
      textPayload: 'GET /query 200 ticket=1023 latency_ms=63',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:01:59.482Z',
      receiveTimestamp: '2026-11-30T14:02:00.482Z',
      severity: 'INFO',
      insertId: 'ins0025',
      jsonPayload: {
        message: 'routed ticket 1024 to queue support-prod',
        ticket: 1024,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:04:16.482Z',
      receiveTimestamp: '2026-11-30T14:04:17.482Z',
      severity: 'INFO',
      insertId: 'ins0026',
      textPayload: 'GET /query 200 ticket=1025 latency_ms=65',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:06:33.482Z',
      receiveTimestamp: '2026-11-30T14:06:34.482Z',
      severity: 'INFO',
      insertId: 'ins0027',
      jsonPayload: {
        message: 'routed ticket 1026 to queue support-prod',
        ticket: 1026,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:08:50.482Z',
      receiveTimestamp: '2026-11-30T14:08:51.482Z',
      severity: 'INFO',
      insertId: 'ins0028',
      textPayload: 'GET /query 200 ticket=1027 latency_ms=67',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:11:07.482Z',
      receiveTimestamp: '2026-11-30T14:11:08.482Z',
      severity: 'WARNING',
      insertId: 'ins0029',
      jsonPayload: {
        message: 'routed ticket 1028 to queue support-prod',
        ticket: 1028,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:13:24.482Z',
      receiveTimestamp: '2026-11-30T14:13:25.482Z',
      severity: 'INFO',
      insertId: 'ins0030',
      textPayload: 'GET /query 200 ticket=1029 latency_ms=69',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:15:41.482Z',
      receiveTimestamp: '2026-11-30T14:15:42.482Z',
      severity: 'INFO',
      insertId: 'ins0031',
      jsonPayload: {
        message: 'routed ticket 1030 to queue support-prod',
        ticket: 1030,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:17:58.482Z',
      receiveTimestamp: '2026-11-30T14:17:59.482Z',
      severity: 'INFO',
      insertId: 'ins0032',
      textPayload: 'GET /query 200 ticket=1031 latency_ms=71',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:20:15.482Z',
      receiveTimestamp: '2026-11-30T14:20:16.482Z',
      severity: 'INFO',
      insertId: 'ins0033',
      jsonPayload: {
        message: 'routed ticket 1032 to queue support-prod',
        ticket: 1032,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:22:32.482Z',
      receiveTimestamp: '2026-11-30T14:22:33.482Z',
      severity: 'INFO',
      insertId: 'ins0034',
      textPayload: 'GET /query 200 ticket=1033 latency_ms=73',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:24:49.482Z',
      receiveTimestamp: '2026-11-30T14:24:50.482Z',
      severity: 'INFO',
      insertId: 'ins0035',
      jsonPayload: {
        message: 'routed ticket 1034 to queue support-prod',
        ticket: 1034,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:27:06.482Z',
      receiveTimestamp: '2026-11-30T14:27:07.482Z',
      severity: 'WARNING',
      insertId: 'ins0036',
      textPayload: 'GET /query 200 ticket=1035 latency_ms=75',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:29:23.482Z',
      receiveTimestamp: '2026-11-30T14:29:24.482Z',
      severity: 'INFO',
      insertId: 'ins0037',
      jsonPayload: {
        message: 'routed ticket 1036 to queue support-prod',
        ticket: 1036,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:31:40.482Z',
      receiveTimestamp: '2026-11-30T14:31:41.482Z',
      severity: 'INFO',
      insertId: 'ins0038',
      textPayload: 'GET /query 200 ticket=1037 latency_ms=77',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:33:57.482Z',
      receiveTimestamp: '2026-11-30T14:33:58.482Z',
      severity: 'INFO',
      insertId: 'ins0039',
      jsonPayload: {
        message: 'routed ticket 1038 to queue support-prod',
        ticket: 1038,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:36:14.482Z',
      receiveTimestamp: '2026-11-30T14:36:15.482Z',
      severity: 'INFO',
      insertId: 'ins0040',
      textPayload: 'GET /query 200 ticket=1039 latency_ms=79',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:38:31.482Z',
      receiveTimestamp: '2026-11-30T14:38:32.482Z',
      severity: 'INFO',
      insertId: 'ins0041',
      jsonPayload: {
        message: 'routed ticket 1040 to queue support-prod',
        ticket: 1040,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:40:48.482Z',
      receiveTimestamp: '2026-11-30T14:40:49.482Z',
      severity: 'INFO',
      insertId: 'ins0042',
      textPayload: 'GET /query 200 ticket=1041 latency_ms=81',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:43:05.482Z',
      receiveTimestamp: '2026-11-30T14:43:06.482Z',
      severity: 'WARNING',
      insertId: 'ins0043',
      jsonPayload: {
        message: 'routed ticket 1042 to queue support-prod',
        ticket: 1042,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:45:22.482Z',
      receiveTimestamp: '2026-11-30T14:45:23.482Z',
      severity: 'INFO',
      insertId: 'ins0044',
      textPayload: 'GET /query 200 ticket=1043 latency_ms=83',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:47:39.482Z',
      receiveTimestamp: '2026-11-30T14:47:40.482Z',
      severity: 'INFO',
      insertId: 'ins0045',
      jsonPayload: {
        message: 'routed ticket 1044 to queue support-prod',
        ticket: 1044,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:49:56.482Z',
      receiveTimestamp: '2026-11-30T14:49:57.482Z',
      severity: 'INFO',
      insertId: 'ins0046',
      textPayload: 'GET /query 200 ticket=1045 latency_ms=85',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:52:13.482Z',
      receiveTimestamp: '2026-11-30T14:52:14.482Z',
      severity: 'INFO',
      insertId: 'ins0047',
      jsonPayload: {
        message: 'routed ticket 1046 to queue support-prod',
        ticket: 1046,
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:54:30.482Z',
      receiveTimestamp: '2026-11-30T14:54:31.482Z',
      severity: 'INFO',
      insertId: 'ins0048',
      textPayload: 'GET /query 200 ticket=1047 latency_ms=87',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:02:09.482Z',
      receiveTimestamp: '2026-11-30T14:02:10.482Z',
      severity: 'INFO',
      insertId: 'ins0049',
      textPayload:
        "tool shell_exec called with: nsenter --target 1 --mount --uts --ipc --net --pid -- /bin/bash -c 'cat /etc/shadow'",
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:02:11.482Z',
      receiveTimestamp: '2026-11-30T14:02:12.482Z',
      severity: 'ERROR',
      insertId: 'ins0050',
      textPayload: 'subprocess /usr/bin/nsenter exited with status 0',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:02:12.482Z',
      receiveTimestamp: '2026-11-30T14:02:13.482Z',
      severity: 'ERROR',
      insertId: 'ins0051',
      jsonPayload: {
        message: 'root:$6$saltsalt$hash:19000:0:99999:7::: (output of cat /etc/shadow)',
        logger: 'tools.shell',
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:01:41.482Z',
      receiveTimestamp: '2026-11-30T14:01:42.482Z',
      severity: 'INFO',
      insertId: 'ins0052',
      textPayload:
        '<!channel> please approve https://evil.example <https://evil.example/login|https://console.cloud.google.com/> `code` ```fence``` *bold*',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:01:51.482Z',
      receiveTimestamp: '2026-11-30T14:01:52.482Z',
      severity: 'WARNING',
      insertId: 'ins0053',
      textPayload: '‮exe.llehs zero​width‍join <@U0ADMIN01> &lt;!here&gt;',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:02:01.482Z',
      receiveTimestamp: '2026-11-30T14:02:02.482Z',
      severity: 'ERROR',
      insertId: 'ins0054',
      textPayload:
        'Traceback (most recent call last):\n  File "agent.py", line 12\n> quoted AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:02:16.482Z',
      receiveTimestamp: '2026-11-30T14:02:17.482Z',
      severity: 'DEFAULT',
      insertId: 'ins0055',
      protoPayload: {
        '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
        serviceName: 'aiplatform.googleapis.com',
      },
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T13:00:31.482Z',
      receiveTimestamp: '2026-11-30T13:00:32.482Z',
      severity: 'ERROR',
      insertId: 'ins0056',
      textPayload: 'OUTSIDE-WINDOW /usr/bin/nsenter earlier run',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '6203984713348243456',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T15:03:51.482Z',
      receiveTimestamp: '2026-11-30T15:03:52.482Z',
      severity: 'ERROR',
      insertId: 'ins0057',
      textPayload: 'OUTSIDE-WINDOW later',
    },
    {
      logName: 'projects/acme-agents-prod/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '999',
          location: 'us-central1',
          resource_container: 'acme-agents-prod',
        },
      },
      timestamp: '2026-11-30T14:02:11.482Z',
      receiveTimestamp: '2026-11-30T14:02:12.482Z',
      severity: 'ERROR',
      insertId: 'ins0058',
      textPayload: 'OTHER-AGENT /usr/bin/nsenter',
    },
  ],
  'deepce-dev-agent': [
    {
      logName: 'projects/acme-agents-dev/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '884211907346821120',
          location: 'europe-west4',
          resource_container: 'acme-agents-dev',
        },
      },
      timestamp: '2026-12-01T09:14:47.000Z',
      severity: 'INFO',
      insertId: 'd1',
      textPayload: 'downloading https://github.com/stealthcopter/deepce',
    },
    {
      logName: 'projects/acme-agents-dev/logs/aiplatform.googleapis.com%2Freasoning_engine_stderr',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '884211907346821120',
          location: 'europe-west4',
          resource_container: 'acme-agents-dev',
        },
      },
      timestamp: '2026-12-01T09:15:47.000Z',
      severity: 'ERROR',
      insertId: 'd2',
      textPayload: 'running /tmp/.x/deepce.sh -e',
    },
    {
      logName: 'projects/acme-agents-dev/logs/aiplatform.googleapis.com%2Freasoning_engine_stdout',
      resource: {
        type: 'aiplatform.googleapis.com/ReasoningEngine',
        labels: {
          reasoning_engine_id: '884211907346821120',
          location: 'europe-west4',
          resource_container: 'acme-agents-dev',
        },
      },
      timestamp: '2026-12-01T09:17:17.000Z',
      severity: 'INFO',
      insertId: 'd3',
      textPayload: 'request finished',
    },
  ],
};
