import type { PageRow } from '../../src-renderer/db/rows';

/** A page row as capture stores it, with a tiny image named after its id. */
export const pageRow = (
  id: string,
  recordId: string,
  index: number,
  extra: Partial<PageRow> = {},
): PageRow => ({
  id,
  recordId,
  index,
  image: new Blob([id]),
  thumbnail: new Blob([id]),
  mimeType: 'image/jpeg',
  widthPx: 1654,
  heightPx: 2339,
  dpi: 200,
  lowDpi: false,
  sha256: id.padEnd(64, '0'),
  blank: false,
  origin: `run:${id}`,
  rotation: 0,
  ocrStatus: 'pending',
  createdAt: 1,
  ...extra,
});
