import { silentLogger, type Logger } from '../platform/logger';
import { createStationServices, type StationServicesOptions } from '../services/station-services';
import { createHandlers, type Binding } from './handlers';
import { createRegistry } from './registry';

/** Services plus the registry that fronts them: what every binding starts from. */
export function createBackend(options: StationServicesOptions & { binding: Binding; log?: Logger }) {
  const services = createStationServices(options);
  const registry = createRegistry({
    handlers: createHandlers(services, options.binding),
    sessions: services.sessions,
    log: options.log ?? silentLogger,
  });
  return { services, registry };
}

export type Backend = ReturnType<typeof createBackend>;
