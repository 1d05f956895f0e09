/** `chronicle timeline` and `chronicle event ID`: events in date order, with every source. */
import type { Command } from 'commander';
import { eventRow, filterEvents, loadEvents } from '../../app/events.js';
import { ChronicleError } from '../../core/errors.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  program
    .command('timeline')
    .description('events in date order with type, participants, place and sources in every language')
    .option('--entity <name>', 'only events with this participant (any variant of the name)')
    .option('--type <type>', 'only this event type (docs/taxonomy.md)')
    .option('--from <date>', 'on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'on or before')
    .option('--lang <lang>', 'only events reported in this language')
    .option('--all', 'include undated events', false)
    .action(async (o: { entity?: string; type?: string; from?: string; to?: string; lang?: string; all: boolean }, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const events = filterEvents(await loadEvents(repo), o).filter((e) => o.all || e.date !== null);
        if (g.json) return outJson(events.map((e) => eventRow(e)));
        for (const e of events) {
          const who = e.participants.slice(0, 5).map((p) => p.name).join(', ');
          const where = e.place ? ` @ ${e.place.name}` : '';
          const mod = e.modality === 'happened' ? '' : ` (${e.modality})`;
          out(`${(e.date ?? 'undated').padEnd(23)} ${e.type.padEnd(20)} ${who}${where}${mod}  [${e.docs.length} source${e.docs.length === 1 ? '' : 's'}: ${e.langs.join('+')}]  ${e.id}`);
        }
        out(`${events.length} events`);
      });
    });

  program
    .command('event')
    .description('one event with every source sentence')
    .argument('<id>', 'event id (or a unique prefix)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const all = await loadEvents(repo);
        const matches = all.filter((e) => e.id.startsWith(id));
        const e = matches.length === 1 ? matches[0] : all.find((x) => x.id === id);
        if (!e) throw new ChronicleError('event/not-found', matches.length > 1 ? `${id}: ambiguous event id prefix` : `${id}: no such event`, id);
        if (g.json) return outJson(eventRow(e));
        out(`${e.id}  ${e.type} (CAMEO ${e.cameo ?? '-'})  ${e.date ?? 'undated'}  ${e.modality}`);
        out(`participants: ${e.participants.map((p) => p.name).join(', ') || '-'}`);
        if (e.place) out(`place: ${e.place.name}`);
        for (const m of e.mentions) {
          out(`- ${m.doc} [${m.mention.lang}] ${m.mention.start}-${m.mention.end} "${m.text}" date ${m.mention.date?.value ?? '-'} (${m.mention.date?.how ?? '-'})`);
          if (m.sentence) out(`    ${m.sentence.replace(/\s+/g, ' ').trim()}`);
        }
      });
    });
}
