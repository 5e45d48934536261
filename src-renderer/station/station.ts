import { createStationClient, type StationBridge } from '../../src-shared/ipc/station-api';
import { connectHarnessBridge } from './harness-bridge';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in the browser harness. */
    station?: StationBridge;
  }
}

/** The renderer's one way to reach main: Electron's preload bridge, else the harness socket. */
export const station = createStationClient(window.station ?? connectHarnessBridge());
