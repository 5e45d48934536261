import type { PageCode } from '../capture/sheet-code';
import { findDossierCode } from '../domain/dossier-code';
import type { FieldSuggestion } from './field-suggestions';

/**
 * Fields read from the barcodes printed on a page (a one-stop receipt's or a recent
 * result's): the dossier code, wherever a code carries one (alone, or inside a link). A code
 * is read whole or not at all, so what it says is taken with high confidence; the
 * suggestion points at the code on the page instead of a span of text.
 */
export function codeSuggestions(codes: readonly PageCode[], dossierCodePattern: string): FieldSuggestion[] {
  for (const code of codes) {
    const found = findDossierCode(code.text, dossierCodePattern);
    if (found) {
      return [
        {
          field: 'dossierCode',
          value: found.value,
          span: { start: 0, end: 0 },
          confidence: 'high',
          region: code.box,
        },
      ];
    }
  }
  return [];
}
