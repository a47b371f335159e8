import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from './listen';

/**
 * A stand-in for Windows' connectivity check (NCSI) on loopback, with captive-portal variants.
 *
 * `ok` answers `GET /connecttest.txt` with `Microsoft Connect Test` as www.msftconnecttest.com
 * does; the other variants answer like a hotel or guest network before login.
 */
export type ConnectivityVariant =
  | 'ok'
  /** 302 to a login page on a foreign host. */
  | 'redirect'
  /** 200 with an HTML login page instead of the text. */
  | 'login-page'
  /** 200 text/plain, but not the expected text (a proxy's or filter's own answer). */
  | 'wrong-text'
  /** 511 Network Authentication Required (RFC 6585) with a login page. */
  | 'network-auth-required'
  /** Reads the request and never answers. */
  | 'silent';

/** What Windows expects from its check. */
export const NCSI_TEXT = 'Microsoft Connect Test';
export const NCSI_PATH = '/connecttest.txt';
/** Where the redirect variant sends clients: a host name that is not the one asked. */
export const PORTAL_HOST = 'login.hotspot-portal.test';

export interface ConnectivityServer {
  address: string;
  port: number;
  /** `http://<address>:<port>/connecttest.txt`. */
  url: string;
  /** The check URL with a host name instead of the address (resolve it to `address` in the test). */
  urlFor(host: string): string;
  /** Host header and path of every request received. */
  requests: { host: string | undefined; path: string }[];
  setVariant(variant: ConnectivityVariant): void;
  close(): Promise<void>;
}

export async function startConnectivityServer(options: { address?: string; variant?: ConnectivityVariant; port?: number } = {}): Promise<ConnectivityServer> {
  const address = options.address ?? '127.0.0.1';
  let variant = options.variant ?? 'ok';
  const requests: ConnectivityServer['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ host: req.headers.host, path: req.url ?? '' });
    if (variant === 'silent') return;
    if (req.url?.split('?')[0] !== NCSI_PATH && variant === 'ok') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    switch (variant) {
      case 'ok':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'max-age=30, must-revalidate' }).end(NCSI_TEXT);
        return;
      case 'redirect':
        res.writeHead(302, { Location: `http://${PORTAL_HOST}/portal/login?redirect=${encodeURIComponent(`http://${req.headers.host ?? address}${req.url ?? '/'}`)}&session_token=s3cr3t` }).end();
        return;
      case 'login-page':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PORTAL_PAGE);
        return;
      case 'network-auth-required':
        res.writeHead(511, { 'Content-Type': 'text/html; charset=utf-8' }).end(PORTAL_PAGE);
        return;
      case 'wrong-text':
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Access denied by web filter');
        return;
    }
  });
  const port = await listen(server, address, options.port ?? 0);
  const hostPort = (host: string) => `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    address,
    port,
    url: `http://${hostPort(address)}${NCSI_PATH}`,
    urlFor: (host) => `http://${hostPort(host)}${NCSI_PATH}`,
    requests,
    setVariant(next) {
      variant = next;
    },
    close: () => closeServer(server),
  };
}

const PORTAL_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Gast-WLAN – Anmeldung</title></head><body>' +
  '<h1>Willkommen im Gast-WLAN</h1><form method="post" action="/login"><input name="code"><button>Verbinden</button></form></body></html>';
