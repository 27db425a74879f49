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
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else positional.push(a);
  }
  return { positional, options };
}
