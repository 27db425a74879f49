import { ConfigError } from '../../infra/config/config.js';
import { auditReplayCommand, auditVerifyCommand } from './audit-commands.js';
import { UsageError, type Command } from './commands.js';
import { backupCommand, rebuildCommand, serveCommand } from './store-commands.js';
import { tokenCommand } from './token-command.js';

const COMMANDS: Command[] = [serveCommand, backupCommand, rebuildCommand, tokenCommand, auditReplayCommand, auditVerifyCommand];

function usage(): string {
  return ['Usage:', ...COMMANDS.map((c) => `  ${c.usage.padEnd(52)} ${c.help}`)].join('\n');
}

/** Picks the command whose words match the start of argv (longest first). */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(usage());
    return argv.length === 0 ? 1 : 0;
  }
  const command = [...COMMANDS].sort((a, b) => b.words.length - a.words.length).find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) {
    console.error(`parcours: unknown command "${argv.join(' ')}"\n${usage()}`);
    return 2;
  }
  try {
    return (await command.run(argv.slice(command.words.length))) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`parcours: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(`parcours: ${error.message}`);
      return 78;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
