import type { PacOutcome, ProxyConfigData, ProxyServer, ProxySource, ProxySourceReading, SystemProxyData, WinHttpProxyData, WinInetProxyData } from '../../../shared/model/probe-data';
import type { ProxySetting } from '../../../shared/model/run-input';
import { macosBypasses, noProxyBypasses, wininetBypasses } from '../../../shared/http/bypass-list';
import type { PacRun } from './pac-outcome';
import { proxyFromUrl, proxyServer, wininetProxyForHttps } from './proxy-server';
import { wpadCandidates } from './wpad';

/**
 * The proxy for the Exchange URL, decided the way the platform decides it for Outlook.
 *
 * 1. `--proxy URL` / `--no-proxy` decide alone.
 * 2. Windows: the WinINET settings of the signed-in user (or of the machine, by policy). Outlook
 *    2016 and later send MAPI/HTTP, RPC/HTTP and Autodiscover through WinHTTP *with the user's
 *    Internet Options* (the IE proxy configuration), so these decide. Automatic configuration
 *    overrides the manual setting: "detect settings automatically" (WPAD) first, then the
 *    configuration script (PAC URL), and only when neither answers the fixed proxy with its
 *    bypass list. The machine-wide WinHTTP proxy (`netsh winhttp`) is recorded beside it: it
 *    applies to services and background tasks (Windows Update, BITS, the Office Click-to-Run
 *    update service, certificate revocation downloads of system components), not to Outlook's
 *    mailbox connection.
 * 3. macOS: the system settings of the active network service, in the same order (auto
 *    discovery, PAC URL, HTTPS proxy with its exceptions).
 * 4. Elsewhere (Linux, where the command line runs for helpdesks): HTTPS_PROXY/ALL_PROXY with
 *    NO_PROXY, as command-line tools use them.
 */

/** A source read through a collector: its data, or why it could not be read. */
export type SourceState<T> = { data: T } | { error: string };

export interface ProxySnapshot {
  option: ProxySetting;
  platform: 'windows' | 'macos' | 'other';
  wininet?: SourceState<WinInetProxyData>;
  winhttp?: SourceState<WinHttpProxyData>;
  macos?: SourceState<SystemProxyData>;
  /** Environment variables (only read off Windows and macOS). */
  env?: Readonly<Record<string, string | undefined>>;
  /** DNS suffixes for WPAD (primary suffix first). */
  dnsSuffixes: readonly string[];
}

export interface ProxyDecisionServices {
  /** Fetches and evaluates one PAC file for the Exchange URL. */
  runPac(pacUrl: string, via: PacOutcome['via']): Promise<PacRun>;
  /** Whether a WPAD name resolves (the run's resolver). */
  resolves(name: string): Promise<boolean>;
  /** The script URL for a WPAD name. */
  wpadUrl(name: string): string;
}

interface Decided {
  source: ProxySource;
  proxies: ProxyServer[];
  directFallback: boolean;
  bypassed: boolean;
  pac?: PacOutcome;
}

/** What automatic configuration gave: an answer, or the PAC outcome worth reporting when it gave none. */
type Automatic = { answer: Decided } | { fallback?: PacOutcome };

const direct = (source: ProxySource, pac?: PacOutcome): Decided => ({ source, proxies: [], directFallback: false, bypassed: false, ...(pac ? { pac } : {}) });

export async function decideProxy(url: string, snapshot: ProxySnapshot, services: ProxyDecisionServices): Promise<ProxyConfigData> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = target.port ? Number(target.port) : 443;
  const readings: ProxySourceReading[] = [];
  let decided: Decided | undefined;

  if (snapshot.option.mode !== 'system') {
    const proxy = snapshot.option.mode === 'url' ? proxyFromUrl(snapshot.option.url) : null;
    readings.push({ source: 'option', ...(snapshot.option.mode === 'url' ? { proxy: hidePassword(snapshot.option.url) } : {}) });
    decided = { ...direct('option'), proxies: proxy ? [proxy] : [] };
  }

  if (snapshot.platform === 'windows') {
    const wininet = snapshot.wininet ?? { error: 'not read' };
    const reading = wininetReading(wininet);
    readings.push(reading);
    if (snapshot.winhttp) readings.push(winhttpReading(snapshot.winhttp));
    if (!decided && 'data' in wininet) {
      const w = wininet.data;
      const auto = await automatic(w.autoDetect === true, w.autoConfigUrl, snapshot.dnsSuffixes, services);
      if ('answer' in auto) decided = auto.answer;
      else {
        const proxy = w.proxyEnabled && w.proxyServer ? wininetProxyForHttps(w.proxyServer) : null;
        if (proxy === 'invalid') reading.error = `ProxyServer "${hidePassword(w.proxyServer ?? '')}" cannot be read`;
        if (proxy && proxy !== 'invalid') decided = manual('wininet', proxy, wininetBypasses(w.bypassList, { scheme: 'https', host, port }), auto.fallback);
        else decided = afterFailedAutomatic(auto.fallback);
      }
    }
  } else if (snapshot.platform === 'macos') {
    const macos = snapshot.macos ?? { error: 'not read' };
    readings.push(macosReading(macos));
    if (!decided && 'data' in macos) {
      const m = macos.data;
      const auto = await automatic(m.autoDiscovery, m.pacUrl, snapshot.dnsSuffixes, services);
      if ('answer' in auto) decided = auto.answer;
      else {
        const proxy = m.https ? proxyServer('http', `${m.https.host}${m.https.port ? `:${m.https.port}` : ''}`) : null;
        decided = proxy ? manual('system', proxy, macosBypasses(m.exceptions, host), auto.fallback) : afterFailedAutomatic(auto.fallback);
      }
    }
  } else {
    const env = snapshot.env ?? {};
    const value = env.https_proxy ?? env.HTTPS_PROXY ?? env.all_proxy ?? env.ALL_PROXY;
    const noProxy = env.no_proxy ?? env.NO_PROXY;
    const reading: ProxySourceReading = { source: 'env' };
    if (value) reading.proxy = hidePassword(value);
    if (noProxy) reading.bypass = noProxy.split(/[,\s]+/).filter((s) => s.length > 0);
    readings.push(reading);
    if (!decided && value) {
      const proxy = proxyFromUrl(value);
      if (!proxy) reading.error = 'HTTPS_PROXY cannot be read as a proxy URL';
      else decided = manual('env', proxy, noProxy ? noProxyBypasses(noProxy, { host, port }) : undefined);
    }
  }

  const final = decided ?? direct('none');
  return {
    url,
    source: final.source,
    proxies: final.proxies,
    directFallback: final.directFallback,
    bypassed: final.bypassed,
    ...(final.pac ? { pac: final.pac } : {}),
    readings,
  };
}

/** A fixed proxy, unless the bypass list exempts the host (then direct, `bypassed`). */
function manual(source: ProxySource, proxy: ProxyServer, bypassedBy: string | undefined, pac?: PacOutcome): Decided {
  return { ...direct(source, pac), proxies: bypassedBy === undefined ? [proxy] : [], bypassed: bypassedBy !== undefined };
}

/**
 * Direct after automatic configuration gave no answer and no fixed proxy is set: a configured
 * script that failed (or a WPAD script that was found but failed) is the source that sent the
 * connection direct; a WPAD search that found nothing is the normal state, nothing decided.
 */
function afterFailedAutomatic(pac: PacOutcome | undefined): Decided {
  if (!pac) return direct('none');
  if (pac.via === 'configured') return direct('pac', pac);
  return direct(pac.status !== undefined ? 'wpad' : 'none', pac);
}

/** WPAD, then the configured script: the first that answers decides. */
async function automatic(autoDetect: boolean, pacUrl: string | null, suffixes: readonly string[], services: ProxyDecisionServices): Promise<Automatic> {
  let wpadOutcome: PacOutcome | undefined;
  if (autoDetect) {
    const wpad = await discoverWpad(suffixes, services);
    if (wpad.decision) return { answer: fromPac('wpad', wpad) };
    wpadOutcome = wpad.outcome;
  }
  if (pacUrl) {
    const pac = await services.runPac(pacUrl, 'configured');
    if (pac.decision) return { answer: fromPac('pac', pac) };
    return { fallback: pac.outcome };
  }
  return wpadOutcome ? { fallback: wpadOutcome } : {};
}

function fromPac(source: ProxySource, run: PacRun): Decided {
  return { source, proxies: run.decision!.proxies, directFallback: run.decision!.directFallback, bypassed: false, pac: run.outcome };
}

/** The first WPAD name that resolves gets its script fetched; none resolving is the normal case outside companies. */
async function discoverWpad(suffixes: readonly string[], services: ProxyDecisionServices): Promise<PacRun> {
  const names = wpadCandidates(suffixes);
  // Asked together, taken in order: the most specific name that exists wins, as in Windows.
  const resolved = await Promise.all(names.map((name) => services.resolves(name)));
  const found = names[resolved.indexOf(true)];
  if (found !== undefined) return services.runPac(services.wpadUrl(found), 'wpad-dns');
  const tried = names.length ? names.join(', ') : 'no DNS suffix to search';
  return {
    outcome: {
      url: services.wpadUrl(names[0] ?? 'wpad'),
      via: 'wpad-dns',
      error: { kind: 'fetch', code: 'ENOTFOUND', message: `no WPAD server found (${tried}); WPAD through DHCP is not checked` },
    },
  };
}

function wininetReading(state: SourceState<WinInetProxyData>): ProxySourceReading {
  if ('error' in state) return { source: 'wininet', error: state.error };
  const w = state.data;
  return {
    source: 'wininet',
    ...(w.proxyEnabled && w.proxyServer ? { proxy: hidePassword(w.proxyServer) } : {}),
    ...(w.bypassList.length ? { bypass: w.bypassList } : {}),
    ...(w.autoConfigUrl ? { pacUrl: hidePassword(w.autoConfigUrl) } : {}),
    ...(w.autoDetect !== null ? { autoDetect: w.autoDetect } : {}),
  };
}

function winhttpReading(state: SourceState<WinHttpProxyData>): ProxySourceReading {
  if ('error' in state) return { source: 'winhttp', error: state.error };
  const w = state.data;
  return { source: 'winhttp', ...(!w.direct && w.proxyServer ? { proxy: hidePassword(w.proxyServer) } : {}), ...(w.bypassList.length ? { bypass: w.bypassList } : {}) };
}

function macosReading(state: SourceState<SystemProxyData>): ProxySourceReading {
  if ('error' in state) return { source: 'system', error: state.error };
  const m = state.data;
  return {
    source: 'system',
    ...(m.https ? { proxy: `${m.https.host}${m.https.port ? `:${m.https.port}` : ''}` } : {}),
    ...(m.exceptions.length ? { bypass: m.exceptions } : {}),
    ...(m.pacUrl ? { pacUrl: hidePassword(m.pacUrl) } : {}),
    autoDetect: m.autoDiscovery,
  };
}

/** `http://user:pass@proxy:8080` → `http://proxy:8080`: a setting may carry credentials, evidence never does. */
function hidePassword(value: string): string {
  return value.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1').replace(/(^|[=;\s])[^=;\s/@]+:[^=;\s/@]*@/g, '$1');
}

