import { z } from 'zod';

/**
 * Bytes as they cross to and from main: a Uint8Array (a Node Buffer is one), carried by
 * structured clone in Electron and by binary frames in the harness (wire-message.ts).
 */
export const bytesSchema = z.instanceof(Uint8Array);
