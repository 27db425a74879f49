/**
 * Runs tasks one at a time per key (here, per pathway) within this process, so concurrent
 * commands on one pathway queue instead of colliding on its revision. Other processes are
 * still handled by the store's expected-revision check. An uncontended key costs one map entry.
 */
export class KeyedLock {
  /** Tasks waiting behind the one running, per key; a key is present while a task runs. */
  private readonly waiting = new Map<string, Array<() => void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queue = this.waiting.get(key);
    if (!queue) {
      this.waiting.set(key, []);
      return this.runThenNext(key, task);
    }
    return new Promise<T>((resolve, reject) => {
      queue.push(() => void this.runThenNext(key, task).then(resolve, reject));
    });
  }

  private async runThenNext<T>(key: string, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      const queue = this.waiting.get(key)!;
      const next = queue.shift();
      if (next) next();
      else this.waiting.delete(key);
    }
  }
}
