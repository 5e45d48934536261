import { contextBridge, ipcRenderer } from 'electron';
import { electronChannelFor } from '../../src-shared/ipc/electron-channel';
import type { Envelope } from '../../src-shared/ipc/envelope';
import { buildStationBridge } from '../../src-shared/ipc/station-api';

// window.station, generated from the contract: one function per channel, returning an
// envelope (plain data survives contextBridge; thrown errors would lose their code).
contextBridge.exposeInMainWorld(
  'station',
  buildStationBridge(
    (name, request) => ipcRenderer.invoke(electronChannelFor(name), request) as Promise<Envelope<unknown>>,
  ),
);
