import { spawn } from 'node:child_process';

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
