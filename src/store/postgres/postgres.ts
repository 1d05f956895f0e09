/** PostgreSQL driver (issue #11). Not written yet: opening a postgres:// store fails clearly. */
import { StoreError } from '../../core/errors.js';
import type { Repository } from '../repository.js';
import { redactStoreUrl } from '../open.js';

export async function openPostgres(url: string): Promise<Repository> {
  throw new StoreError(`${redactStoreUrl(url)}: PostgreSQL driver not available yet`, redactStoreUrl(url));
}
