import { parentPort, workerData } from 'node:worker_threads';
import { FakeAiplatform, type ReasoningEngineJson } from '../fakes/aiplatform-server.js';

/**
 * The fake Vertex AI server in its own thread: building it parses the ~4 MB of protos that
 * @google-cloud/aiplatform ships, seconds of CPU that must not hold up the bot or the page.
 */
const { port, agents } = workerData as { port: number; agents: ReasoningEngineJson[] };
const fake = new FakeAiplatform();
for (const a of agents) fake.upsertEngine(a);
await fake.start(port);
parentPort?.postMessage({ ready: fake.address });
parentPort?.on('message', (m: unknown) => {
  if (m === 'stop') void fake.stop().then(() => parentPort?.close());
});
