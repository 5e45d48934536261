import { useLiveQuery } from 'dexie-react-hooks';
import {
  suggestFields,
  type CatalogueEntry,
  type FieldSuggestion,
  type SuggestedField,
} from '../../src-shared/indexing/field-suggestions';
import { db } from '../db/database';
import { pagesOfRecord } from '../db/record-pages';
import type { PageRow, PageTextRow } from '../db/rows';

/** A suggestion and the page it was read on. */
export type PageSuggestion = FieldSuggestion & { pageId: string };

export interface RecordOcr {
  pages: PageRow[];
  texts: Map<string, PageTextRow>;
  /** One suggestion per field: the first page that has it wins (the title page comes first). */
  suggestions: Map<SuggestedField, PageSuggestion>;
  /** Pages still waiting for OCR. */
  pending: number;
}

/** A record's pages, what OCR read on them, and the fields suggested from it (less those dismissed); live. */
export function useRecordOcr(
  recordId: string | null,
  catalogue: readonly CatalogueEntry[] = [],
): RecordOcr | undefined {
  return useLiveQuery(async () => {
    if (!recordId) return undefined;
    const pages = await pagesOfRecord(recordId);
    const dismissed = (await db.records.get(recordId))?.dismissedSuggestions ?? {};
    const rows = await db.pageTexts.bulkGet(pages.map((page) => page.id));
    const texts = new Map<string, PageTextRow>();
    rows.forEach((row) => row && texts.set(row.pageId, row));
    const suggestions = new Map<SuggestedField, PageSuggestion>();
    for (const page of pages) {
      const text = texts.get(page.id)?.text;
      if (!text) continue;
      for (const suggestion of suggestFields(text, catalogue)) {
        // A value the clerk dismissed stays dismissed; another page's other value may be offered.
        if (dismissed[suggestion.field] === suggestion.value) continue;
        if (!suggestions.has(suggestion.field))
          suggestions.set(suggestion.field, { ...suggestion, pageId: page.id });
      }
    }
    const pending = pages.filter((page) => page.ocrStatus === 'pending').length;
    return { pages, texts, suggestions, pending };
  }, [recordId, catalogue]);
}
