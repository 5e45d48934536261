import { demoStack, type DemoPage } from './demo-documents';

/**
 * The demo scanner's archive box: a stack of dossiers as a digitization team feeds it, each
 * on top of its cover sheet (printed by the station from a list) or, for dossiers without one,
 * behind a generic separator sheet; scanned both sides. It carries what the station must cope
 * with: blank backs (kept), a licence printed on both sides, a note on the back of a separator
 * (dropped with it), and recent results with their own dossier code as a QR code (one with a
 * Code 128 too). The same composition gives the ground truth: which records the stack holds.
 */
export type ArchiveSide =
  /** A cover sheet as printed, by its place in the box's sheets PDF (1-based). */
  | { kind: 'printedSheet'; pdfPage: number }
  | { kind: 'page'; page: DemoPage; codes?: { dossierCode: string; code128: boolean } }
  | { kind: 'note'; text: string }
  | { kind: 'blank' };

export interface ArchiveSheet {
  front: ArchiveSide;
  back: ArchiveSide;
}

/** What a dossier of the box is, as the station should cut it. */
export interface ArchiveDossier {
  /** The cover's reference, or null for a dossier behind a separator. */
  cover: string | null;
  /** Pages kept for it: every side of its documents, blank backs included. */
  pages: number;
  /** The dossier code its recent result carries as a barcode, if any. */
  dossierCode?: string;
}

export interface ArchiveBox {
  sheets: ArchiveSheet[];
  dossiers: ArchiveDossier[];
}

/** Every fifth dossier has no cover: a generic separator starts it. */
const SEPARATOR_EVERY = 5;
/** Documents (0-based, in the box's order) whose first page carries its dossier code as a code. */
const CODED_DOCUMENTS = new Map([
  [9, { code128: false }],
  [40, { code128: true }],
  [71, { code128: false }],
]);
/** The separator (0-based) with a note written on its back. */
const NOTED_SEPARATOR = 2;
/** Dossiers laid when no cover sheets were printed yet: all behind separators. */
const DOSSIERS_WITHOUT_COVERS = 12;

/** A one-stop dossier code as DOMAIN.md gives it: agency identifier, yymmdd, serial. */
export const demoDossierCode = (document: number) =>
  `000.00.12.H20-${String(240000 + 101 + (document % 28)).slice(-6)}-${String(1000 + document).slice(-4)}`;

/**
 * The box for `covers` (the references of the last cover sheets printed, in print order):
 * dossiers in turn, a separator before every fifth, each covered dossier holding two
 * documents and a separated one one. `pdfPage` numbers the covers 1…n, the separator n + 1.
 */
export function archiveBox(covers: readonly string[]): ArchiveBox {
  const dossierCount =
    covers.length === 0
      ? DOSSIERS_WITHOUT_COVERS
      : covers.length + Math.floor(covers.length / (SEPARATOR_EVERY - 1));
  const separatorPage = covers.length + 1;
  const sheets: ArchiveSheet[] = [];
  const dossiers: ArchiveDossier[] = [];
  let nextCover = 0;
  let separators = 0;
  let document = 0;
  for (let index = 0; index < dossierCount; index += 1) {
    const separated = nextCover >= covers.length || index % SEPARATOR_EVERY === SEPARATOR_EVERY - 1;
    const blank: ArchiveSide = { kind: 'blank' };
    if (separated) {
      const noted = separators === NOTED_SEPARATOR;
      sheets.push({
        front: { kind: 'printedSheet', pdfPage: separatorPage },
        back: noted ? { kind: 'note', text: 'Hộp 07 – đã kiểm đếm, còn thiếu bản gốc QĐ 2021' } : blank,
      });
      separators += 1;
    } else {
      sheets.push({ front: { kind: 'printedSheet', pdfPage: nextCover + 1 }, back: blank });
    }
    const dossier: ArchiveDossier = { cover: separated ? null : covers[nextCover]!, pages: 0 };
    if (!separated) nextCover += 1;
    for (let count = 0; count < (separated ? 1 : 2); count += 1, document += 1) {
      const pages = demoStack(document, 3).filter((page, _at, all) => page.data === all[0]!.data);
      const coded = CODED_DOCUMENTS.get(document);
      const codes = coded ? { dossierCode: demoDossierCode(document), code128: coded.code128 } : undefined;
      if (codes) dossier.dossierCode = codes.dossierCode;
      const side = (page: DemoPage, first: boolean): ArchiveSide => ({
        kind: 'page',
        page,
        ...(first && codes ? { codes } : {}),
      });
      if (pages[0]!.kind === 'permit') {
        // The licence is printed on both sides of one sheet.
        sheets.push({ front: side(pages[0]!, true), back: side(pages[1]!, false) });
      } else {
        pages.forEach((page, at) => sheets.push({ front: side(page, at === 0), back: blank }));
      }
      dossier.pages += pages[0]!.kind === 'permit' ? 2 : pages.length * 2;
    }
    dossiers.push(dossier);
  }
  return { sheets, dossiers };
}
