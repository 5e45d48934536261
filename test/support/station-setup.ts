import { createStationServices } from '../../src-main/services/station-services';
import type { SettingsPatch, StationSettings } from '../../src-shared/domain/settings';
import { login, openStationPage } from './station-page';
import { ADMIN, CLERK } from './users';

/** A station data folder with the administrator and a clerk, and the settings a test needs. */
export async function prepareStation(
  dataDir: string,
  settings?: (current: StationSettings) => SettingsPatch,
): Promise<void> {
  const services = createStationServices({ dataDir });
  await services.accounts.setupAdmin(ADMIN);
  await services.accounts.create(CLERK);
  if (settings) services.settings.update(settings(services.settings.get()));
}

/** A prepared station open in Chromium, the clerk signed in and on the scan screen. */
export async function openAsClerk(
  dataDir: string,
  settings?: (current: StationSettings) => SettingsPatch,
  harness: { env?: NodeJS.ProcessEnv } = {},
): Promise<Awaited<ReturnType<typeof openStationPage>>> {
  await prepareStation(dataDir, settings);
  const station = await openStationPage(dataDir, harness);
  await login(station.page, CLERK);
  await station.page.getByTestId('scan-start').waitFor();
  return station;
}
