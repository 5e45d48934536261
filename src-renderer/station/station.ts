import { createStationClient } from '../../src-shared/ipc/station-api';
import { connectHarnessBridge } from './harness-bridge';

/** The renderer's one way to reach main: Electron's preload bridge, else the harness socket. */
export const station = createStationClient(window.station ?? connectHarnessBridge());
