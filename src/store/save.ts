/**
 * Saving a batch so that one bad document does not cost the others: `save()` is
 * atomic per call (a failure writes nothing), so on failure the batch is saved
 * again document by document and only the documents that fail on their own are
 * reported. The happy path is one call, one transaction.
 */
import { StoreError } from '../core/errors.js';
import type { Repository, SaveResult } from './repository.js';
import type { Saveable } from './encode.js';

export interface SaveFailure {
  readonly id: string;
  readonly outcome: 'failed';
  readonly error: StoreError;
}

export async function saveTolerant(repo: Repository, docs: readonly Saveable[]): Promise<(SaveResult | SaveFailure)[]> {
  try {
    return await repo.save(docs);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    if (docs.length === 1) return [{ id: docs[0]!.id, outcome: 'failed', error: e }];
  }
  const out: (SaveResult | SaveFailure)[] = [];
  for (const doc of docs) {
    try {
      out.push(...(await repo.save([doc])));
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      out.push({ id: doc.id, outcome: 'failed', error: e });
    }
  }
  return out;
}
