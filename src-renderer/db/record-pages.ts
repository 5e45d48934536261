import { db } from './database';
import type { PageRow } from './rows';

/** A record's pages in the clerk's order. */
export const pagesOfRecord = (recordId: string): Promise<PageRow[]> =>
  db.pages.where('recordId').equals(recordId).sortBy('index');
