// What /proc says of CPU time (Linux): a process's and its main thread's, a process tree's, and
// the whole machine's, including the time the hypervisor gave to other guests (steal). Elsewhere
// every reader answers null and the benchmarks leave the CPU fields out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (asked once). */
let ticksPerSecond: number | undefined;

/** CPU seconds used so far by a process and by its main thread, from /proc (Linux), else null. */
export function cpuSeconds(pid: number): { main: number; process: number } | null {
  try {
    const ticks = (stat: string) => {
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]); // utime + stime
    };
    const hz = (ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);
    return { process: ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / hz, main: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')) / hz };
  } catch {
    return null;
  }
}

/** A process and its descendants (the service's projection worker is its child), from /proc. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let k = 0; k < tree.length; k++) {
    try {
      const children = readFileSync(`/proc/${tree[k]}/task/${tree[k]}/children`, 'utf8').trim();
      if (children) tree.push(...children.split(' ').map(Number));
    } catch {
      // gone, or no children file on this kernel
    }
  }
  return tree;
}

/**
 * CPU seconds so far of a process (its main thread, all its threads) and, apart, of its
 * descendants (the service's projection worker); null where /proc cannot tell.
 */
export function treeCpuSeconds(pid: number): { main: number; process: number; children: number } | null {
  const [root, ...descendants] = processTree(pid);
  const own = cpuSeconds(root!);
  if (own === null) return null;
  let children = 0;
  for (const p of descendants) {
    const c = cpuSeconds(p);
    if (c === null) return null;
    children += c.process;
  }
  return { ...own, children };
}

/** The machine's CPU time so far in /proc's ticks: in all, idle (with I/O wait), and stolen by the hypervisor. */
export interface MachineTicks {
  total: number;
  idle: number;
  steal: number;
}

export function machineTicks(): MachineTicks | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is in user already)
    const f = readFileSync('/proc/stat', 'utf8').slice(0, 200).split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    if (f.length < 8 || f.some((v) => !Number.isFinite(v))) return null;
    return { total: f.reduce((a, b) => a + b, 0), idle: f[3]! + f[4]!, steal: f[7]! };
  } catch {
    return null;
  }
}
