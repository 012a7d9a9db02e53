import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Creates a new PGlite cluster in `dataDir` in a short-lived child process, when there is
 * none yet. Creating a cluster takes PGlite's WebAssembly memory to ~800 MB, which a process
 * never gives back; reopening the cluster afterwards costs ~300 MB. Doing the one-off creation
 * elsewhere keeps the server's memory at what it needs to run.
 */
export async function initializePgliteDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
const db = await PGlite.create({ dataDir: process.argv[1] });
await db.close();`;
  await run(process.execPath, ['--input-type=module', '--eval', script, dataDir], { timeout: 120_000 });
}
