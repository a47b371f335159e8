import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from './listen';

/**
 * PAC files served over HTTP on loopback, good and bad ones, as a company's script server or a
 * WPAD server (`/wpad.dat`) would.
 *
 * Every script decides for `mail.contoso.test`-like hosts; the proxy they name is given when
 * the server starts (a lab proxy's `host:port`).
 */
export interface PacServer {
  address: string;
  port: number;
  /** `http://<address>:<port>/<name>.pac` (or the path as given). */
  url(path: string): string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Scripts by path. `{{proxy}}` is replaced by the proxy's `host:port`. */
export const PAC_FILES: Record<string, string> = {
  // A typical company script: intranet names direct, everything else through the proxy.
  '/good.pac': `function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, ".intranet.test")) return "DIRECT";
  return "PROXY {{proxy}}; DIRECT";
}`,
  // Uses the name functions: the Exchange host resolves into the lab network 127.0.0.0/8.
  '/dns.pac': `function FindProxyForURL(url, host) {
  var ip = dnsResolve(host);
  if (!ip) return "DIRECT";
  if (isInNet(ip, "10.0.0.0", "255.0.0.0")) return "DIRECT";
  if (shExpMatch(host, "*.contoso.test") && isInNet(host, "127.0.0.0", "255.0.0.0")) return "PROXY {{proxy}}";
  return "DIRECT";
}`,
  '/direct.pac': 'function FindProxyForURL(url, host) { return "DIRECT"; }',
  // A typo in a function name: fails when it runs.
  '/broken.pac': `function FindProxyForURL(url, host) {
  if (isInNett(host, "10.0.0.0", "255.0.0.0")) return "DIRECT";
  return "PROXY {{proxy}}";
}`,
  '/syntax.pac': 'function FindProxyForURL(url, host) { return "PROXY {{proxy}}"; ',
  '/loop.pac': 'function FindProxyForURL(url, host) { while (true) {} }',
  '/alloc.pac': 'function FindProxyForURL(url, host) { var s = "0123456789"; while (true) { s = s + s; } }',
  '/garbage-answer.pac': 'function FindProxyForURL(url, host) { return "PROXIES everywhere"; }',
};

/** Bytes of `/huge.pac`: beyond the engine's PAC size cap. */
export const HUGE_PAC_BYTES = 3 * 1024 * 1024;

export async function startPacServer(options: { proxy: string; address?: string; port?: number }): Promise<PacServer> {
  const address = options.address ?? '127.0.0.1';
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    if (path === '/huge.pac') {
      res.writeHead(200, { 'Content-Type': 'application/x-ns-proxy-autoconfig' });
      res.end(`// ${'x'.repeat(HUGE_PAC_BYTES)}\nfunction FindProxyForURL() { return "DIRECT"; }`);
      return;
    }
    if (path === '/silent.pac') return;
    if (path === '/moved.pac') {
      res.writeHead(302, { Location: '/good.pac' }).end();
      return;
    }
    const name = path === '/wpad.dat' ? '/good.pac' : path;
    const script = PAC_FILES[name];
    if (script === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not Found</body></html>');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/x-ns-proxy-autoconfig' }).end(script.replaceAll('{{proxy}}', options.proxy));
  });
  const port = await listen(server, address, options.port ?? 0);
  return {
    address,
    port,
    url: (path) => `http://${address}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    close: () => closeServer(server),
  };
}
