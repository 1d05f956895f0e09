/** `chronicle sources [SOURCES.yml]`: the health of each watched source. */
import type { Command } from 'commander';
import { loadSources, sourceHealth, type SourceHealth } from '../../app/watch.js';
import { out, outJson, withRepo } from '../context.js';

function age(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 90) return `${seconds}s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

export function formatHealth(rows: readonly SourceHealth[]): string[] {
  const lines: string[] = [];
  for (const r of rows) {
    const state = r.backoffUntil ? `backed off until ${r.backoffUntil}` : r.lastError ? 'failing' : r.lastSuccess ? 'ok' : 'never polled';
    lines.push(`${r.id}  ${state}`);
    lines.push(`  ${r.url}`);
    lines.push(`  last success ${r.lastSuccess ? `${r.lastSuccess} (${age(r.staleSeconds)} ago)` : '-'}, items ${r.items}, rejected ${r.rejected}, lag ${age(r.lagSeconds)}`);
    if (r.lastError) lines.push(`  last error ${r.lastError.at}: ${r.lastError.message} [${r.lastError.code}]`);
  }
  return lines;
}

export function register(program: Command): void {
  program
    .command('sources')
    .description('show each watched source: last success, last error, items, lag, back-off')
    .argument('[sources]', 'SOURCES.yml: also list its sources not polled yet')
    .action(async (file: string | undefined, _o: unknown, cmd: Command) => {
      const config = file ? loadSources(file) : undefined;
      await withRepo(cmd, async (repo, g) => {
        const rows = await sourceHealth(repo, config);
        if (g.json) outJson(rows);
        else if (rows.length === 0) out('no sources watched yet (chronicle watch SOURCES.yml)');
        else for (const l of formatHealth(rows)) out(l);
      });
    });
}
