import type { AnyProbeDefinition } from '../probe';
import { adScpCollector } from './ad-scp';
import { collectorProbe, type AnyCollectorDefinition } from './collector';
import { dnsCacheCollector } from './dns-cache';
import { internetZonesCollector } from './internet-zones';
import { ipAddrCollector } from './ip-addr';
import { ipRouteCollector } from './ip-route';
import { ipconfigAllCollector } from './ipconfig-all';
import { klistCollector } from './klist';
import { netAdaptersCollector } from './net-adapters';
import { netstatRoutesCollector } from './netstat-routes';
import { nltestDsGetDcCollector } from './nltest-dsgetdc';
import { outlookAccountCollector } from './outlook-account';
import { outlookInstallCollector } from './outlook-install';
import { outlookSettingsCollector } from './outlook-settings';
import { resolvConfCollector } from './resolv-conf';
import { resolvectlCollector } from './resolvectl';
import { routePrintCollector } from './route-print';
import { scutilDnsCollector } from './scutil-dns';
import { scutilProxyCollector } from './scutil-proxy';
import { w32tmStatusCollector } from './w32tm-status';
import { whoamiUpnCollector } from './whoami-upn';
import { winHttpProxyCollector } from './winhttp-proxy';
import { winInetProxyCollector } from './wininet-proxy';

/** Every system collector, one file each; each is planned only on its platforms. */
export const COLLECTORS: readonly AnyCollectorDefinition[] = [
  // Windows
  ipconfigAllCollector,
  dnsCacheCollector,
  routePrintCollector,
  winHttpProxyCollector,
  winInetProxyCollector,
  klistCollector,
  nltestDsGetDcCollector,
  adScpCollector,
  whoamiUpnCollector,
  netAdaptersCollector,
  w32tmStatusCollector,
  outlookInstallCollector,
  outlookAccountCollector,
  outlookSettingsCollector,
  internetZonesCollector,
  // Linux
  ipAddrCollector,
  ipRouteCollector,
  resolvectlCollector,
  resolvConfCollector,
  // macOS
  scutilDnsCollector,
  scutilProxyCollector,
  netstatRoutesCollector,
];

/** The collectors as probes of the diagnosis run (kind `collector`). */
export const COLLECTOR_PROBES: readonly AnyProbeDefinition[] = COLLECTORS.map((c) => collectorProbe(c));
