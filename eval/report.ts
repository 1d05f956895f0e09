/** Shared shapes and scoring helpers for evaluation harnesses. */
export interface EvalArgs {
  readonly data: string;
  readonly split?: string;
  readonly limit?: number;
}

export interface PRF {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface EvalReport {
  readonly name: string;
  readonly data: string;
  readonly documents: number;
  /** Named scores, e.g. `PER`, `strict span`, `value`. */
  readonly scores: Readonly<Record<string, PRF | number>>;
  /** Published figures of other systems on the same data, for comparison. */
  readonly published?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly notes?: readonly string[];
  readonly seconds?: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function formatReport(r: EvalReport): string {
  const lines = [`${r.name} on ${r.data} (${r.documents} documents${r.seconds !== undefined ? `, ${r.seconds.toFixed(1)} s` : ''})`];
  for (const [k, v] of Object.entries(r.scores)) {
    if (typeof v === 'number') lines.push(`  ${k.padEnd(28)} ${v.toFixed(4)}`);
    else lines.push(`  ${k.padEnd(28)} P ${v.precision.toFixed(4)}  R ${v.recall.toFixed(4)}  F1 ${v.f1.toFixed(4)}  (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`);
  }
  for (const [sys, s] of Object.entries(r.published ?? {})) lines.push(`  published ${sys}: ${Object.entries(s).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const n of r.notes ?? []) lines.push(`  note: ${n}`);
  return lines.join('\n') + '\n';
}
