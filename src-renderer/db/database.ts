import { openStationDb } from './station-db';

/** The app's one database connection. */
export const db = openStationDb();
