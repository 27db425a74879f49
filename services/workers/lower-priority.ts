import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of every thread of this process. On Linux a nice value is per
 * thread: setting it on the process id alone leaves the threads V8 and libuv started at boot
 * (garbage collection helpers, the thread pool) competing with the service at full priority.
 * Threads started later inherit the value. Best effort: where it is not permitted, nothing changes.
 */
export function lowerOwnPriority(nice: number): void {
  let threads: number[] = [];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // not Linux: the process id stands for the whole process
  }
  for (const id of threads.length ? threads : [process.pid]) {
    try {
      setPriority(id, nice);
    } catch {
      // not permitted here
    }
  }
}
