import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * How the projection worker is scheduled. `idle` (Linux SCHED_IDLE, through util-linux's chrt):
 * it runs only on CPU time nothing else wants, so it never slows request handling; measured
 * here, a niced process still took a third of a busy service's throughput, an idle one none.
 * `low`: nice 19 on every thread. `normal`: as the service.
 */
export type BackgroundPriority = 'idle' | 'low' | 'normal';

export const LOW_NICE = 19;

export interface BackgroundProcess {
  child: ChildProcess;
  /** The priority actually applied (`idle` falls back to `low` where chrt is missing). */
  priority: BackgroundPriority;
}

/** Starts a Node script with an IPC channel at the given priority (`searchPath`: where chrt is looked for). */
export function startBackgroundNode(script: string, env: NodeJS.ProcessEnv, priority: BackgroundPriority, searchPath = process.env.PATH ?? ''): BackgroundProcess {
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const found = priority === 'idle' ? findOn(searchPath, 'chrt') : null;
  const chrt = found && idleWorks(found) ? found : null;
  if (chrt) {
    // chrt sets the policy, then execs node: every thread node starts inherits it.
    return { child: spawn(chrt, ['--idle', '0', process.execPath, script], { env, stdio }), priority: 'idle' };
  }
  return { child: fork(script, [], { env, stdio, execArgv: [] }), priority: priority === 'idle' ? 'low' : priority };
}

const probed = new Map<string, boolean>();

/** Whether this chrt can start a program under SCHED_IDLE here (a sandbox or a minimal chrt may refuse). */
function idleWorks(chrt: string): boolean {
  let works = probed.get(chrt);
  if (works === undefined) {
    works = spawnSync(chrt, ['--idle', '0', process.execPath, '-e', ''], { stdio: 'ignore', timeout: 10_000 }).status === 0;
    probed.set(chrt, works);
  }
  return works;
}

function findOn(searchPath: string, command: string): string | null {
  if (process.platform !== 'linux') return null;
  for (const dir of searchPath.split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}
