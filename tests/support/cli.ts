import { spawn } from 'node:child_process';
import type { Test } from 'tap';

/** Runs `parcours <args>` on a data folder, as a person would from the checkout. */
export function cli(args: string[], dataDir: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/parcours.js', ...args], { env: { ...process.env, PARCOURS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts `<script> serve` (the CLI at `script`, `bin/parcours.js` by default) on a free port and
 * resolves with its base URL once it listens; the test's teardown stops it.
 */
export function serveCli(t: Test, env: Record<string, string>, script = 'bin/parcours.js'): Promise<string> {
  const child = spawn(process.execPath, [script, 'serve'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env } });
  t.teardown(() => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}
