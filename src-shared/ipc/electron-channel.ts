import type { ChannelName } from './contract';

/** The ipcMain/ipcRenderer channel that carries a contract channel. */
export const electronChannelFor = (name: ChannelName): string => `station:${name}`;
