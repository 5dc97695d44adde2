import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers/bot-process.js';

/** End-to-end tests run the built app (`node dist/src/main.js`), so build once before any test file. */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
