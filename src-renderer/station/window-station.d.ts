import type { StationBridge } from '../../src-shared/ipc/station-api';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in the browser harness. */
    station?: StationBridge;
  }
}
