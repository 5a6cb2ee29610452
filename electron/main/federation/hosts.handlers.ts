import type { Handlers } from '../ipc/router';
import type { HostsService } from './hostsService';

/** Handlers for hosts:* channels. */
export function hostsHandlers(hosts: HostsService): Pick<Handlers, 'hosts:list'> {
  return { 'hosts:list': () => hosts.list() };
}
