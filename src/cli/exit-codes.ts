/**
 * Exit codes, in one place (documented in README.md and docs/cli.md).
 * They follow sysexits(3) where one fits, so scripts can tell the cases apart.
 */
import { ChronicleError, InputError, StoreError, UsageError } from '../core/errors.js';

export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The batch completed but some inputs failed (each reported on its own line). */
  someInputsFailed: 1,
  /** Bad usage: unknown command or option, bad argument. */
  usage: 64,
  /** An input could not be read at all (single-input commands). */
  badInput: 65,
  /** Nothing to do: no input matched, or the thing asked for does not exist. */
  notFound: 66,
  /** Internal error (a bug): please report it. */
  internal: 70,
  /** The store cannot be opened, migrated or written. */
  store: 74,
} as const;

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof StoreError) return EXIT.store;
  if (err instanceof InputError) return EXIT.badInput;
  if (err instanceof ChronicleError) return err.code.endsWith('not-found') ? EXIT.notFound : EXIT.internal;
  return EXIT.internal;
}

/** One line, no stack: what went wrong and with which input. */
export function errorLine(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? String(err);
  return String(err);
}
