// The /proc readers bench:api charges CPU with: a busy process and a busy machine show as such,
// a child's time is counted apart from its parent's, and what /proc cannot tell reads as null.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import t from 'tap';
import { cpuSeconds, machineTicks, treeCpuSeconds } from '../../services/bench/proc-cpu.js';

const linux = existsSync('/proc/stat') && existsSync(`/proc/${process.pid}/task/${process.pid}/stat`);

/** Spins until this process has used `seconds` of CPU by its own count (getrusage), however busy the machine. */
function spinFor(seconds: number): void {
  const from = process.cpuUsage();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (let i = 0; i < 10_000; i++) Math.sqrt(Math.random());
    const used = process.cpuUsage(from);
    if ((used.user + used.system) / 1e6 >= seconds) return;
  }
}

t.test('a process /proc cannot tell of reads as null (as every reader does without /proc)', async (t) => {
  const gone = 4_194_304 + 4242; // above Linux's largest pid
  t.equal(cpuSeconds(gone), null);
  t.equal(treeCpuSeconds(gone), null);
  if (!linux) t.equal(machineTicks(), null);
});

t.test('a busy main thread shows in its process and in the machine', { skip: linux ? false : 'no /proc here' }, async (t) => {
  const before = cpuSeconds(process.pid)!;
  const machineBefore = machineTicks()!;
  spinFor(0.3);
  const after = cpuSeconds(process.pid)!;
  const machineAfter = machineTicks()!;
  // 0.3 s of CPU, nearly all of it this thread's spinning, shows as at least 0.2 s with /proc's 10 ms ticks.
  t.ok(after.main - before.main >= 0.2, `main thread ${after.main - before.main} s`);
  t.ok(after.process >= after.main, 'the process counts its main thread');
  const total = machineAfter.total - machineBefore.total;
  t.ok(total > 0, 'the machine counted time');
  t.ok(machineAfter.idle - machineBefore.idle < total, 'not all of it idle');
  t.ok(machineAfter.steal >= machineBefore.steal && machineAfter.steal - machineBefore.steal <= total, 'steal is a share of it');
});

t.test("a child's CPU is counted apart from its parent's", { skip: linux ? false : 'no /proc here' }, async (t) => {
  const before = treeCpuSeconds(process.pid)!;
  // The child spins for 0.4 s of its own CPU, says so, then idles until killed.
  const script = "const f = process.cpuUsage(); while (process.cpuUsage(f).user < 400000) Math.sqrt(Math.random()); console.log('spun'); setTimeout(() => {}, 60000);";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.teardown(() => void child.kill('SIGKILL'));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const after = treeCpuSeconds(process.pid)!;
  const children = after.children - before.children;
  const parent = after.process - before.process;
  t.ok(children >= 0.2, `children ${children} s`);
  t.ok(parent < 0.15, `the parent, waiting meanwhile, is not charged with it (${parent} s)`);
});
