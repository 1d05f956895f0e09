/**
 * A small pipeline runner. Stages are pure: they read the document and return a
 * patch (new layers, messages, document fields). They declare what they need and
 * what they produce; the runner checks the order once when the pipeline is built
 * and checks each patch against the declaration when it runs.
 */
import { applyPatch, type Doc, type DocPatch, type LayerName } from './doc.js';
import { ChronicleError } from './errors.js';
import { limitInput, limitPatch, type Limits } from './limits.js';

/** Document-level fields a stage may set besides layers. */
export type DocField = 'lang' | 'published' | 'title' | 'publisher';

export type Requirement = LayerName | `doc.${DocField}`;

export interface Stage {
  /** Unique, stable name; recorded on every annotation the stage makes. */
  readonly name: string;
  readonly requires: readonly Requirement[];
  readonly assigns: readonly Requirement[];
  /** Pure: no IO, no clock, no randomness. Same input, same output. */
  run(doc: Doc): DocPatch;
}

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface RunOptions {
  /** Clock for profiling (the edge passes `performance.now`); stages never see it. */
  readonly clock?: () => number;
  /** Accumulates time per stage across documents when given. */
  readonly timings?: Map<string, number>;
}

export class PipelineOrderError extends ChronicleError {
  constructor(stage: string, missing: string) {
    super('pipeline/order', `stage "${stage}" requires "${missing}", which no earlier stage assigns`);
  }
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Limits the runner applies around stages (limits.ts), when given. */
  readonly limits?: Limits;
  run(doc: Doc, options?: RunOptions): Doc;
}

export interface PipelineOptions {
  /** Bounds on what one document may cost (see limits.ts); none when absent. */
  readonly limits?: Limits;
}

/**
 * Builds a pipeline. `provided` lists what readers already put on a document
 * (zones, and fields such as `doc.title`).
 */
export function createPipeline(stages: readonly Stage[], provided: readonly Requirement[] = ['zones'], pipelineOptions: PipelineOptions = {}): Pipeline {
  const limits = pipelineOptions.limits;
  const available = new Set<string>(provided);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new ChronicleError('pipeline/duplicate-stage', `stage "${stage.name}" appears twice`);
    names.add(stage.name);
    for (const r of stage.requires) if (!available.has(r)) throw new PipelineOrderError(stage.name, r);
    for (const a of stage.assigns) available.add(a);
  }

  return {
    stages,
    ...(limits ? { limits } : {}),
    run(input: Doc, options: RunOptions = {}): Doc {
      let doc = input;
      const clipped = limits ? limitInput(doc, limits) : null;
      if (clipped) doc = applyPatch(doc, clipped);
      const failed = new Set<string>();
      // Time spent on this document, measured around stages (never inside them).
      let spent = 0;
      for (const stage of stages) {
        if (limits && options.clock && spent > limits.budgetMs) {
          for (const a of stage.assigns) failed.add(a);
          doc = applyPatch(doc, {
            messages: [{ severity: 'warning', code: 'limits/time-budget', stage: stage.name, text: `not run: the document used ${Math.round(spent)} ms of its ${limits.budgetMs} ms budget` }],
          });
          continue;
        }
        const blockedBy = stage.requires.find((r) => failed.has(r));
        if (blockedBy !== undefined) {
          for (const a of stage.assigns) failed.add(a);
          doc = applyPatch(doc, {
            messages: [{ severity: 'error', code: 'pipeline/skipped', stage: stage.name, text: `skipped: "${blockedBy}" failed earlier` }],
          });
          continue;
        }
        const t0 = options.clock?.();
        let patch: DocPatch;
        try {
          patch = stage.run(doc);
          checkPatch(stage, patch, doc.text.length);
          if (limits) patch = limitPatch(patch, doc, limits);
        } catch (err) {
          // A failing stage is a bug, but one document must not abort a batch: record it and go on.
          if (t0 !== undefined && options.clock) spent += options.clock() - t0;
          for (const a of stage.assigns) failed.add(a);
          const text = err instanceof Error ? err.message : String(err);
          doc = applyPatch(doc, { messages: [{ severity: 'error', code: 'pipeline/stage-failed', stage: stage.name, text }] });
          continue;
        }
        doc = applyPatch(doc, patch);
        if (t0 !== undefined && options.clock) {
          const dt = options.clock() - t0;
          spent += dt;
          options.timings?.set(stage.name, (options.timings.get(stage.name) ?? 0) + dt);
        }
      }
      return doc;
    },
  };
}

function checkPatch(stage: Stage, patch: DocPatch, textLength: number): void {
  const assigns = new Set<string>(stage.assigns);
  for (const [name, annotations] of Object.entries(patch.layers ?? {})) {
    if (!assigns.has(name)) throw new Error(`stage "${stage.name}" assigned undeclared layer "${name}"`);
    if (!Array.isArray(annotations)) continue;
    for (const a of annotations as readonly { start?: unknown; end?: unknown }[]) {
      if (typeof a.start === 'number' && typeof a.end === 'number' && !(a.start >= 0 && a.start <= a.end && a.end <= textLength)) {
        throw new Error(`stage "${stage.name}" produced a span [${a.start}, ${a.end}) outside the text (length ${textLength}) in layer "${name}"`);
      }
    }
  }
  for (const field of ['lang', 'published', 'title', 'publisher'] as const) {
    if (patch[field] !== undefined && !assigns.has(`doc.${field}`)) {
      throw new Error(`stage "${stage.name}" set undeclared field "doc.${field}"`);
    }
  }
}
