import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startConnectivityServer } from '../lab/connectivity-server';
import { startExchangeLab } from '../lab/exchange-server';
import { issueCert } from '../lab/pki';

/**
 * Entry of the lab's server process, run inside the server namespace (`node --import tsx`).
 *
 * Argument: JSON `{ dir, hostNames, addresses, httpsPort, connectivity: { address, port },
 * compact: { address, hostName } }`. Starts the Exchange-like HTTPS responder on every address
 * (one port), with a test CA made now, and the connectivity check; writes the CA to
 * `<dir>/ca.pem` for `--ca-file`; prints `READY <json>`; stops on SIGTERM.
 *
 * The `compact` address presents a certificate of its one name without the issuer (the test CA
 * is a root, which a server need not send): its whole handshake fits one packet below 1400
 * bytes, as an ECDSA certificate with a short chain does. Behind a server → client black hole
 * such a server completes handshakes and loses only large answers; with the usual certificate
 * (leaf, CA and eight names: about 1.4 KB) the handshake itself is lost.
 */
interface ServerConfig {
  dir: string;
  hostNames: string[];
  addresses: string[];
  httpsPort: number;
  connectivity: { address: string; port: number };
  compact: { address: string; hostName: string };
}

const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig;
const exchange = await startExchangeLab({
  hostNames: config.hostNames,
  addresses: Object.fromEntries(config.addresses.map((address) => [address, {}])),
  port: config.httpsPort,
});
const leaf = await issueCert(exchange.ca, { names: [config.compact.hostName] });
const compact = await startExchangeLab({
  ca: exchange.ca,
  certificate: { ...leaf, chainPem: leaf.certPem },
  hostNames: [config.compact.hostName],
  addresses: { [config.compact.address]: {} },
  port: config.httpsPort,
});
const connectivity = await startConnectivityServer({ address: config.connectivity.address, port: config.connectivity.port });
const caFile = path.join(config.dir, 'ca.pem');
await writeFile(caFile, exchange.ca.certPem);
process.stdout.write(`READY ${JSON.stringify({ caFile, httpsPort: exchange.port, connectivityUrl: connectivity.url })}\n`);

process.once('SIGTERM', () => {
  void Promise.all([exchange.close(), compact.close(), connectivity.close()]).finally(() => process.exit(0));
});
