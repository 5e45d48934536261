import { inventoryFromTable } from '../../src-shared/stats/inventory';
import { readTableFile } from './table-file';

/** An inventory file (XLSX or CSV) read into counts, with each bad line's reason. */
export async function readInventoryFile(bytes: Buffer, today: string) {
  return inventoryFromTable(await readTableFile(bytes), today);
}
