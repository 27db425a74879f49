// The projection worker's scheduling: SCHED_IDLE where chrt exists (Linux), nice 19 otherwise.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { startBackgroundNode } from '../../services/workers/background-process.js';
import { tempDir } from '../support/temp-dir.js';

const SCHED_IDLE = 5;
const script = fileURLToPath(new URL('./fixtures/report-scheduling.js', import.meta.url));
const linuxOnly = { skip: process.platform !== 'linux' ? 'scheduling classes are read from /proc (Linux only)' : false };
const hasChrt = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'chrt')));
const withChrt = { skip: linuxOnly.skip || (hasChrt ? false : 'chrt (util-linux) is not installed here') };

/** Policy and nice value of every thread of a process (fields 41 and 19 of /proc/.../stat). */
function threadScheduling(pid: number): Array<{ policy: number; nice: number }> {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { nice: Number(fields[16]), policy: Number(fields[38]) };
  });
}

t.test('idle: every thread of the worker runs under SCHED_IDLE', withChrt, async (t) => {
  const { child, priority } = startBackgroundNode(script, process.env, 'idle');
  t.teardown(() => void child.kill());
  t.equal(priority, 'idle', 'reported as applied');
  await new Promise((resolve) => child.once('message', resolve));
  const threads = threadScheduling(child.pid!);
  t.ok(threads.length > 1, `${threads.length} threads looked at`);
  t.ok(threads.every((th) => th.policy === SCHED_IDLE), 'all of them under SCHED_IDLE');
});

t.test('without chrt on the PATH, idle falls back to nice 19 on every thread', linuxOnly, async (t) => {
  const { child, priority } = startBackgroundNode(script, { ...process.env, LOWER_PRIORITY: '19' }, 'idle', '');
  t.teardown(() => void child.kill());
  t.equal(priority, 'low', 'reported as applied');
  await new Promise((resolve) => child.once('message', resolve));
  const threads = threadScheduling(child.pid!);
  t.ok(threads.length > 1 && threads.every((th) => th.nice === 19), `nice 19 on all ${threads.length} threads`);
});

t.test('normal: scheduled like the service', linuxOnly, async (t) => {
  const { child, priority } = startBackgroundNode(script, process.env, 'normal');
  t.teardown(() => void child.kill());
  t.equal(priority, 'normal');
  await new Promise((resolve) => child.once('message', resolve));
  t.ok(threadScheduling(child.pid!).every((th) => th.policy === 0 && th.nice === 0), 'SCHED_OTHER, nice 0');
});

t.test('a chrt that cannot run a program idle (a sandbox, a minimal chrt): niced instead', linuxOnly, async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'chrt'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  const { child, priority } = startBackgroundNode(script, { ...process.env, LOWER_PRIORITY: '19' }, 'idle', dir);
  t.teardown(() => void child.kill());
  t.equal(priority, 'low', 'the worker still starts, at nice 19');
  await new Promise((resolve) => child.once('message', resolve));
  t.ok(threadScheduling(child.pid!).every((th) => th.nice === 19 && th.policy === 0));
});
