/**
 * Each provision's status over time from its links: not started from the day the
 * agreement takes effect, then one change per day on which evidence moves it —
 * fulfilment (implemented for one-off actions, in progress for lasting ones),
 * breach (violated), ending (terminated; suspended when the evidence says so).
 * Every change carries the links behind it. Terms get their clock (periods,
 * notice deadlines) and an early end when a termination falls inside a period.
 */
import { dueDate, termClock, type TermClock } from './clock.js';
import type { CommitmentLink } from './link.js';
import type { Agreement, EvidenceKind, Provision } from './types.js';

export type Status = 'not_started' | 'in_progress' | 'implemented' | 'violated' | 'suspended' | 'terminated';
export type Decision = 'confirmed' | 'rejected';

/** Actions done once (then implemented); every other action lasts (then in progress). */
const ONE_OFF = new Set(['hand_over_territory', 'deploy_contingent', 'establish_body', 'build_route', 'withdraw_forces', 'sign_document', 'hold_elections', 'adopt_law']);
const SUSPEND = /suspend|приостан/i;

export interface StatusChange {
  readonly date: string;
  readonly status: Status;
  /** Link ids behind the change (empty for the initial state). */
  readonly links: readonly string[];
}

export interface ProvisionStatus {
  readonly agreement: string;
  readonly provision: string;
  readonly point: string | null;
  readonly title: Provision['title'];
  readonly status: Status;
  readonly timeline: readonly StatusChange[];
  readonly counts: Readonly<Record<EvidenceKind, number>> & { readonly confirmed: number; readonly undated: number };
  /** The links counted (rejected ones left out), oldest first; undated last. */
  readonly links: readonly (CommitmentLink & { readonly decision: Decision | null })[];
  readonly latest: (CommitmentLink & { readonly decision: Decision | null }) | null;
  readonly due: string | null;
  /** True when the first fulfilment came after the deadline. */
  readonly late: boolean;
  readonly term: TermClock | null;
  /** When a termination falls inside a term period: the day and the end it cut short. */
  readonly endedEarly: { readonly date: string; readonly scheduledEnd: string } | null;
  /** Dated parts (Kalbajar by 15 November): each with its deadline, its first fulfilment and whether that was late. */
  readonly steps: readonly StepStatus[];
}

export interface StepStatus {
  readonly step: string;
  readonly due: string | null;
  readonly status: 'not_started' | 'implemented';
  readonly date: string | null;
  readonly late: boolean;
  readonly links: readonly string[];
}

function statusFor(p: Provision, l: CommitmentLink): Status {
  if (l.kind === 'ending') return SUSPEND.test(l.evidence.text) ? 'suspended' : 'terminated';
  if (l.kind === 'breach') return 'violated';
  return ONE_OFF.has(p.action.kind) ? 'implemented' : 'in_progress';
}
const RANK: Record<Status, number> = { terminated: 5, suspended: 4, violated: 3, implemented: 2, in_progress: 1, not_started: 0 };

/**
 * Status timelines of every provision of an agreement. `until` bounds the term clocks
 * (the caller passes the latest date it knows of, never the wall clock).
 */
export function provisionStatuses(
  agreement: Agreement,
  links: readonly CommitmentLink[],
  decisions: ReadonlyMap<string, Decision> = new Map(),
  until: string | null = null,
): ProvisionStatus[] {
  const start = agreement.signed.date;
  return agreement.provisions.map((p) => {
    const mine = links
      .filter((l) => l.agreement === agreement.id && l.provision === p.id && decisions.get(l.id) !== 'rejected')
      .map((l) => ({ ...l, decision: decisions.get(l.id) ?? null }))
      .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.evidence.doc.localeCompare(b.evidence.doc) || a.itemSpan.start - b.itemSpan.start);
    const timeline: StatusChange[] = [{ date: start, status: 'not_started', links: [] }];
    let current: Status = 'not_started';
    const dated = mine.filter((l) => l.date);
    for (let i = 0; i < dated.length; ) {
      const day = dated[i]!.date!;
      const group: typeof dated = [];
      while (i < dated.length && dated[i]!.date === day) group.push(dated[i++]!);
      if (current === 'terminated') continue;
      let next: Status = current;
      for (const l of group) {
        const s = statusFor(p, l);
        if (RANK[s] > RANK[next] || (next !== s && RANK[s] <= 2 && RANK[next] >= 3 && RANK[next] < 5 && !group.some((g) => statusFor(p, g) === next))) next = s;
      }
      // Fulfilment after a breach or suspension restores the state; implemented stays implemented.
      if (current === 'implemented' && next === 'in_progress') next = 'implemented';
      if (next !== current) {
        timeline.push({ date: day, status: next, links: group.filter((l) => statusFor(p, l) === next || (next === 'implemented' && statusFor(p, l) === 'in_progress')).map((l) => l.id) });
        current = next;
      }
    }
    const counts = { fulfilment: 0, breach: 0, ending: 0, confirmed: 0, undated: 0 };
    for (const l of mine) {
      counts[l.kind]++;
      if (l.decision === 'confirmed') counts.confirmed++;
      if (!l.date) counts.undated++;
    }
    const due = p.deadline ? dueDate(agreement, p.deadline) : null;
    const firstDone = dated.find((l) => l.kind === 'fulfilment');
    const lastDate = until ?? dated.at(-1)?.date ?? null;
    const term = termClock(agreement, p, lastDate);
    const ended = timeline.find((c) => c.status === 'terminated');
    let endedEarly: ProvisionStatus['endedEarly'] = null;
    if (term && ended) {
      const period = term.periods.find((x) => x.start <= ended.date && ended.date < x.end);
      if (period) endedEarly = { date: ended.date, scheduledEnd: period.end };
    }
    const steps: StepStatus[] = (p.steps ?? []).map((st) => {
      const done = dated.filter((l) => l.step === st.id && l.kind === 'fulfilment');
      const stepDue = st.deadline ? dueDate(agreement, st.deadline) : null;
      const first = done[0]?.date ?? null;
      return { step: st.id, due: stepDue, status: first ? 'implemented' : 'not_started', date: first, late: Boolean(stepDue && first && first.length === 10 && first > stepDue), links: done.map((l) => l.id) };
    });
    return {
      agreement: agreement.id,
      provision: p.id,
      point: p.point ?? null,
      title: p.title,
      status: current,
      timeline,
      counts,
      links: mine,
      latest: dated.at(-1) ?? mine.at(-1) ?? null,
      due,
      late: Boolean(due && firstDone?.date && firstDone.date.length === 10 && firstDone.date > due),
      term,
      endedEarly,
      steps,
    };
  });
}
