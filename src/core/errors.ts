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
    super(code, `${input}: ${reason}`, input, options);
    this.name = 'InputError';
  }
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
