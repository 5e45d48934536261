import { useLiveQuery } from 'dexie-react-hooks';
import { documentOfPage, documentStarts } from '../../src-shared/indexing/document-starts';
import {
  suggestFields,
  type CatalogueEntry,
  type FieldSuggestion,
  type SuggestedField,
} from '../../src-shared/indexing/field-suggestions';
import type { ResultType } from '../../src-shared/domain/record-fields';
import { codeSuggestions } from '../../src-shared/indexing/code-suggestions';
import { DEFAULT_DOSSIER_CODE_PATTERN } from '../../src-shared/domain/dossier-code';
import { db } from '../db/database';
import { pagesOfRecord } from '../db/record-pages';
import type { PageRow, PageTextRow } from '../db/rows';

/** A suggestion and the page it was read on. */
export type PageSuggestion = FieldSuggestion & {
  pageId: string;
  /** 0-based, in the record's order. */
  pageIndex: number;
  /** Read in a further document of the record's pages, not the record's own: never accepted by "accept all". */
  otherDocument: boolean;
};

export interface DocumentStart {
  /** 0-based, in the record's order. */
  pageIndex: number;
  pageId: string;
  /** What its page says it is, if read: a result type and a number. */
  resultType?: ResultType;
  documentNumber?: string;
}

export interface RecordOcr {
  pages: PageRow[];
  texts: Map<string, PageTextRow>;
  /**
   * One suggestion per field: the record's own document first (its pages in order, the
   * title page first), then a further document's when the record's has none.
   */
  suggestions: Map<SuggestedField, PageSuggestion>;
  /** The pages that open a further document, and what heads each: where the record could be split. */
  documentStarts: DocumentStart[];
  /** Pages still waiting for OCR. */
  pending: number;
}

/** A record's pages, what OCR read on them, and the fields suggested from it (less those dismissed); live. */
export function useRecordOcr(
  recordId: string | null,
  catalogue: readonly CatalogueEntry[] = [],
  dossierCodePattern: string = DEFAULT_DOSSIER_CODE_PATTERN,
): RecordOcr | undefined {
  return useLiveQuery(async () => {
    if (!recordId) return undefined;
    const pages = await pagesOfRecord(recordId);
    const dismissed = (await db.records.get(recordId))?.dismissedSuggestions ?? {};
    const rows = await db.pageTexts.bulkGet(pages.map((page) => page.id));
    const texts = new Map<string, PageTextRow>();
    rows.forEach((row) => row && texts.set(row.pageId, row));
    const starts = documentStarts(pages.map((page) => texts.get(page.id)?.text));
    const own: PageSuggestion[] = [];
    const other: PageSuggestion[] = [];
    pages.forEach((page, pageIndex) => {
      const read = texts.get(page.id);
      const text = read?.text;
      const otherDocument = documentOfPage(starts, pageIndex) > 0;
      // A barcode says what it says: its values come before the text's.
      const found = [
        ...codeSuggestions(page.codes ?? [], dossierCodePattern),
        ...(text ? suggestFields(text, catalogue, { dossierCodePattern, words: read?.words }) : []),
      ];
      for (const suggestion of found) {
        // A value the clerk dismissed stays dismissed; another page's other value may be offered.
        if (dismissed[suggestion.field] === suggestion.value) continue;
        (otherDocument ? other : own).push({ ...suggestion, pageId: page.id, pageIndex, otherDocument });
      }
    });
    const suggestions = new Map<SuggestedField, PageSuggestion>();
    for (const suggestion of [...own, ...other])
      if (!suggestions.has(suggestion.field)) suggestions.set(suggestion.field, suggestion);
    const heading = (pageIndex: number, field: SuggestedField) =>
      other.find((each) => each.pageIndex === pageIndex && each.field === field)?.value;
    const opened = starts.map((pageIndex) => ({
      pageIndex,
      pageId: pages[pageIndex]!.id,
      resultType: heading(pageIndex, 'resultType') as ResultType | undefined,
      documentNumber: heading(pageIndex, 'documentNumber'),
    }));
    const pending = pages.filter((page) => page.ocrStatus === 'pending').length;
    return { pages, texts, suggestions, documentStarts: opened, pending };
  }, [recordId, catalogue, dossierCodePattern]);
}
