import type { DeviceInfo } from '../../src-shared/capture/scan-options';
import { AppError } from '../../src-shared/errors/app-error';
import { createDemoDriver, type DemoDriverOptions } from './demo/demo-driver';
import { createSaneDriver, type SaneDriverOptions } from './sane/sane-driver';
import { splitDeviceId, type ScanDriver } from './scan-driver';

/** Every capture backend this station has; a new backend is one more entry. */
export function createDrivers(
  options: { sane?: SaneDriverOptions; demo?: DemoDriverOptions } = {},
): ScanDriver[] {
  return [createSaneDriver(options.sane), createDemoDriver(options.demo)];
}

export function driverFor(drivers: readonly ScanDriver[], deviceId: string): ScanDriver {
  const { backend } = splitDeviceId(deviceId);
  const driver = drivers.find((candidate) => candidate.backend === backend);
  if (!driver) throw new AppError('capture.deviceGone', { params: { device: deviceId } });
  return driver;
}

/** The devices every backend can see, one list. */
export async function listAllDevices(drivers: readonly ScanDriver[]): Promise<DeviceInfo[]> {
  return (await Promise.all(drivers.map((driver) => driver.listDevices()))).flat();
}
