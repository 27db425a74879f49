import { existsSync } from 'node:fs';
import { defaultSqliteFile } from '../../infra/eventstore/open.js';

/** A CLI command: its words, a one-line help, and what it does with the remaining arguments. */
export interface Command {
  words: string[];
  usage: string;
  help: string;
  run(args: string[]): Promise<number | void>;
}

export class UsageError extends Error {}

/** Reads `--name value` options and positional arguments. */
export function parseOptions(args: string[], known: string[]): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      // Split at the first '=' only: a value may hold one (`--org=a=b` is the org "a=b").
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const inline = eq === -1 ? undefined : a.slice(eq + 1);
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else positional.push(a);
  }
  return { positional, options };
}

/** Refuses arguments a command has no use for, instead of ignoring them unseen. */
export function noMoreThan(positional: string[], count: number): void {
  if (positional.length > count) throw new UsageError(`unexpected argument${positional.length - count > 1 ? 's' : ''}: ${positional.slice(count).join(' ')}`);
}

/** The store file of a data folder, which must exist (every command but serve only reads or copies one). */
export function existingStore(dataDir: string): string {
  const file = defaultSqliteFile(dataDir);
  if (!existsSync(file)) throw new UsageError(`no event store at ${file} (PARCOURS_DATA_DIR=${dataDir})`);
  return file;
}
