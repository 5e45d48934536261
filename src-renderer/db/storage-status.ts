export interface StorageStatus {
  usedBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

/** Asks the browser not to evict the queue when the disk fills; pages must never vanish. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const estimate = await navigator.storage.estimate();
  return {
    usedBytes: estimate.usage ?? 0,
    quotaBytes: estimate.quota ?? 0,
    persisted: await navigator.storage.persisted(),
  };
}
