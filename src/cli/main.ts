/**
 * The `chronicle` command. Each subcommand lives in its own file under
 * commands/ and is registered in COMMANDS below.
 */
import { Command, CommanderError } from 'commander';
import { errorLine, exitCodeFor, EXIT } from './exit-codes.js';
import { exitState, type CommandModule } from './context.js';
import * as ingest from './commands/ingest.js';
import * as docs from './commands/docs.js';
import * as show from './commands/show.js';
import * as search from './commands/search.js';
import * as exportCmd from './commands/export.js';
import * as start from './commands/start.js';
import * as timeline from './commands/timeline.js';
import * as stories from './commands/stories.js';
import * as serveCmd from './commands/serve.js';
import * as workerCmd from './commands/worker.js';
import * as quotes from './commands/quotes.js';
import * as figures from './commands/figures.js';
import * as agreements from './commands/agreements.js';
import * as commitments from './commands/commitments.js';
import * as linkCmd from './commands/link.js';
import * as watchCmd from './commands/watch.js';
import * as sourcesCmd from './commands/sources.js';
import * as entitiesCmd from './commands/entities.js';

const COMMANDS: CommandModule[] = [ingest, docs, show, search, exportCmd, start, timeline, stories, serveCmd, quotes, figures, agreements, commitments, linkCmd, entitiesCmd, watchCmd, sourcesCmd, workerCmd];

export function buildProgram(): Command {
  const program = new Command('chronicle')
    .description('A sourced record of a conflict or a peace process from news in English and Russian.')
    .option('--db <url>', 'store: a SQLite file path or postgres://... (default: $CHRONICLE_DB or ./chronicle.db)')
    .option('--json', 'machine-readable output', false)
    .showHelpAfterError()
    .exitOverride();
  for (const c of COMMANDS) c.register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  exitState.code = EXIT.ok;
  try {
    await program.parseAsync(argv);
    return exitState.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`chronicle: ${errorLine(err)}\n`);
    return exitCodeFor(err);
  }
}
