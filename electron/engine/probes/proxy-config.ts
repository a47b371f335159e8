import { networkInterfaces } from 'node:os';
import { probesOf } from '../../../shared/model/evidence';
import type { CollectorData, IpconfigData, ProxyConfigData, ResolverConfigData, WinHttpProxyData } from '../../../shared/model/probe-data';
import { collectorInstanceId, type CollectorId } from '../collectors/collector';
import { defineProbe, type PlanView } from '../probe';
import { runPacFile } from '../proxy/pac-outcome';
import type { PacEnvironment } from '../proxy/pac-sandbox';
import { decideProxy, type ProxySnapshot, type SourceState } from '../proxy/proxy-decision';
import { hostPortOf } from '../proxy/proxy-server';
import { wpadUrl } from '../proxy/wpad';
import type { RunServices } from '../run-services';
import { deadlineSignal } from '../net/deadline-signal';

/**
 * Worst case of one decision: a WPAD lookup, then a script download (3 s) and its evaluation
 * (2 s), then a configured script the same. Every step ends on the probe's signal with what it
 * has, so a cut at this limit still records the decision so far.
 */
export const PROXY_CONFIG_TIMEOUT_MS = 9_000;
/** Lookup of one WPAD name: an answer takes milliseconds, a DNS server that drops queries must not stall the decision. */
export const WPAD_LOOKUP_TIMEOUT_MS = 2_000;

/** Collectors the decision reads, per platform (WinINET and WinHTTP; DNS suffixes for WPAD). */
const PREREQUISITES: Partial<Record<NodeJS.Platform, CollectorId[]>> = {
  win32: ['collector.wininet-proxy', 'collector.winhttp-proxy', 'collector.ipconfig-all'],
  darwin: ['collector.scutil-proxy', 'collector.scutil-dns'],
};

export interface ProxyConfigInput {
  /** `https://<server>[:port]/`: the URL the decision is made for. */
  url: string;
}

/** A collector's parsed data, or why there is none (its summary: "not available on this system", …). */
function collected<T>(view: Pick<PlanView, 'results'>, id: CollectorId): SourceState<T> | undefined {
  const result = probesOf({ probes: [...view.results.values()] }, id)[0];
  if (!result) return undefined;
  const data = result.data as CollectorData<T> | undefined;
  return data?.parsed ? { data: data.parsed } : { error: result.summary };
}

/** The platform's settings as the collectors read them. */
export function proxySnapshot(view: Pick<PlanView, 'input' | 'results'>, platform: NodeJS.Platform = process.platform): ProxySnapshot {
  const option = view.input.proxy;
  if (platform === 'win32') {
    const ipconfig = collected<IpconfigData>(view, 'collector.ipconfig-all');
    const winhttp = collected<WinHttpProxyData>(view, 'collector.winhttp-proxy');
    const ip = ipconfig && 'data' in ipconfig ? ipconfig.data : undefined;
    const suffixes = ip ? [ip.primaryDnsSuffix, ...ip.adapters.map((a) => a.connectionDnsSuffix), ...ip.dnsSuffixSearchList] : [];
    return {
      option,
      platform: 'windows',
      wininet: collected(view, 'collector.wininet-proxy') ?? { error: 'not read' },
      ...(winhttp ? { winhttp } : {}),
      dnsSuffixes: suffixes.filter((s): s is string => !!s),
    };
  }
  if (platform === 'darwin') {
    const dns = collected<ResolverConfigData>(view, 'collector.scutil-dns');
    return {
      option,
      platform: 'macos',
      macos: collected(view, 'collector.scutil-proxy') ?? { error: 'not read' },
      dnsSuffixes: dns && 'data' in dns ? dns.data.scopes.flatMap((s) => s.searchDomains) : [],
    };
  }
  return { option, platform: 'other', env: process.env, dnsSuffixes: [] };
}

/** This computer's addresses for `myIpAddress`: IPv4 first, link-local and loopback last. */
export function localAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const rank = (a: { internal: boolean; family: string; address: string }) =>
    (a.internal ? 4 : 0) + (/^(169\.254\.|fe80:)/i.test(a.address) ? 2 : 0) + (a.family === 'IPv4' ? 0 : 1);
  return [...all].sort((a, b) => rank(a) - rank(b)).map((a) => a.address);
}

function pacEnvironment(services: RunServices): PacEnvironment {
  return { lookup: (name, signal) => services.lookup(name, signal), localAddresses: localAddresses() };
}

function summarize(data: ProxyConfigData): string {
  const via = data.proxies.map(hostPortOf).join(', ');
  const pac = data.pac?.error ? `; PAC ${data.pac.url} failed: ${data.pac.error.kind}: ${data.pac.error.message}` : data.pac ? `; PAC ${data.pac.url} → ${data.pac.result ?? '?'}` : '';
  if (data.proxies.length > 0) return `proxy ${via} (${data.source})${data.directFallback ? ', DIRECT as fallback' : ''}${pac}`;
  if (data.bypassed) return `direct: ${new URL(data.url).hostname} is on the bypass list (${data.source})${pac}`;
  return `direct (${data.source === 'none' ? 'no proxy configured' : data.source})${pac}`;
}

export interface ProxyConfigProbeOptions {
  /** Where the settings come from; default: this platform's collectors or environment. */
  snapshot?: (view: PlanView) => ProxySnapshot;
  /** Port of WPAD script URLs; Windows uses 80. */
  wpadPort?: number;
}

/**
 * The proxy for the Exchange URL as the platform decides it for Outlook (see
 * `proxy/proxy-decision.ts`), with the PAC file fetched and evaluated where one applies.
 *
 * The options exist for the lab: a test on Linux hands in Windows settings (WinINET with a PAC
 * URL on loopback) and the whole decision runs for real from there.
 */
export function createProxyConfigProbe(options: ProxyConfigProbeOptions = {}) {
  return defineProbe({
    id: 'proxy.config',
    kind: 'proxy',
    title: 'Proxy for the Exchange URL',
    timeoutMs: PROXY_CONFIG_TIMEOUT_MS,
    plan: (view) => {
      const server = view.input.server;
      if (!server) return [];
      const host = server.host.includes(':') ? `[${server.host}]` : server.host;
      const url = `https://${host}${server.port === 443 ? '' : `:${server.port}`}/`;
      const after = (PREREQUISITES[process.platform] ?? []).map(collectorInstanceId);
      return [{ key: url, target: url, input: { url }, ...(after.length ? { after, runIf: 'settled' as const } : {}) }];
    },
    async run({ input, signal, services, view }) {
      const environment = pacEnvironment(services);
      const data = await decideProxy(input.url, (options.snapshot ?? proxySnapshot)(view), {
        runPac: (pacUrl, via) => runPacFile(services, environment, pacUrl, via, input.url, signal),
        resolves: async (name) => {
          const deadline = deadlineSignal(signal, WPAD_LOOKUP_TIMEOUT_MS, 'WPAD lookup');
          const found = await services.lookup(name, deadline.signal).catch(() => []);
          deadline.clear();
          return found.length > 0;
        },
        wpadUrl: (name) => wpadUrl(name, options.wpadPort),
      });
      return { status: signal.aborted ? 'timeout' : 'ok', summary: summarize(data), data };
    },
  });
}

export const proxyConfigProbe = createProxyConfigProbe();
