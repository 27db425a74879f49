// The /proc readers bench:api charges CPU with: a busy process and a busy machine show as such,
// a child's time is counted apart from its parent's, and what /proc cannot tell reads as null.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import t from 'tap';
import { cpuSeconds, machineTicks, treeCpuSeconds } from '../../services/bench/proc-cpu.js';

const linux = existsSync('/proc/stat') && existsSync(`/proc/${process.pid}/task/${process.pid}/stat`);

function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) Math.sqrt(Math.random());
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
  spin(300);
  const after = cpuSeconds(process.pid)!;
  const machineAfter = machineTicks()!;
  // 300 ms of spinning is at least 0.2 s on the thread, even with /proc's 10 ms ticks and a busy machine.
  t.ok(after.main - before.main >= 0.2, `main thread ${after.main - before.main} s`);
  t.ok(after.process >= after.main, 'the process counts its main thread');
  const total = machineAfter.total - machineBefore.total;
  t.ok(total > 0, 'the machine counted time');
  t.ok(machineAfter.idle - machineBefore.idle < total, 'not all of it idle');
  t.ok(machineAfter.steal >= machineBefore.steal && machineAfter.steal - machineBefore.steal <= total, 'steal is a share of it');
});

t.test("a child's CPU is counted apart from its parent's", { skip: linux ? false : 'no /proc here' }, async (t) => {
  const before = treeCpuSeconds(process.pid)!;
  const child = spawn(process.execPath, ['-e', 'const u = Date.now() + 400; while (Date.now() < u) Math.sqrt(Math.random()); setTimeout(() => {}, 10000);'], { stdio: 'ignore' });
  t.teardown(() => void child.kill('SIGKILL'));
  await new Promise((r) => setTimeout(r, 700));
  const after = treeCpuSeconds(process.pid)!;
  const children = after.children - before.children;
  const parent = after.process - before.process;
  t.ok(children >= 0.2, `children ${children} s`);
  t.ok(parent < 0.15, `the parent, waiting meanwhile, is not charged with it (${parent} s)`);
});
