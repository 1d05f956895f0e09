/**
 * Fatal problems are typed errors with a stable code and a one-line message that
 * names the input. They are mapped to CLI exit codes (cli/exit-codes.ts) and
 * HTTP statuses (http/) in one place each. Recoverable problems are `Message`s
 * on the document instead (see doc.ts).
 */
export class ChronicleError extends Error {
  /** Stable code, e.g. `ingest/not-found`. */
  readonly code: string;
  /** The input the error is about (a path, a URL, a record), when there is one. */
  readonly input: string | undefined;

  constructor(code: string, message: string, input?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChronicleError';
    this.code = code;
    this.input = input;
  }
}

/** A problem with one input (file, record, URL); the batch goes on without it. */
export class InputError extends ChronicleError {
  constructor(code: string, input: string, reason: string, options?: { cause?: unknown }) {
    super(code, oneLine(`${input}: ${reason}`), input, options);
    this.name = 'InputError';
  }
}

/**
 * Error messages are one line: parser messages quote the input, which may hold line breaks
 * (found by fuzzing). Breaks are shown escaped; a very long message is shortened.
 */
export function oneLine(s: string, max = 500): string {
  const flat = s.replace(/[\r\n\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : ' '));
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Bad usage: unknown option, bad argument. */
export class UsageError extends ChronicleError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

/** The store cannot be opened, migrated or written. */
export class StoreError extends ChronicleError {
  constructor(message: string, input?: string, options?: { cause?: unknown }) {
    super('store', message, input, options);
    this.name = 'StoreError';
  }
}
