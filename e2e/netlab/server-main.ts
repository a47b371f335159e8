import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startConnectivityServer } from '../lab/connectivity-server';
import { startExchangeLab } from '../lab/exchange-server';

/**
 * Entry of the lab's server process, run inside the server namespace (`node --import tsx`).
 *
 * Argument: JSON `{ dir, hostNames, addresses, httpsPort, connectivity: { address, port } }`.
 * Starts the Exchange-like HTTPS responder on every address (one port), with a test CA made
 * now, and the connectivity check; writes the CA to `<dir>/ca.pem` for `--ca-file`; prints
 * `READY <json>`; stops on SIGTERM.
 */
interface ServerConfig {
  dir: string;
  hostNames: string[];
  addresses: string[];
  httpsPort: number;
  connectivity: { address: string; port: number };
}

const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig;
const exchange = await startExchangeLab({
  hostNames: config.hostNames,
  addresses: Object.fromEntries(config.addresses.map((address) => [address, {}])),
  port: config.httpsPort,
});
const connectivity = await startConnectivityServer({ address: config.connectivity.address, port: config.connectivity.port });
const caFile = path.join(config.dir, 'ca.pem');
await writeFile(caFile, exchange.ca.certPem);
process.stdout.write(`READY ${JSON.stringify({ caFile, httpsPort: exchange.port, connectivityUrl: connectivity.url })}\n`);

process.once('SIGTERM', () => {
  void Promise.all([exchange.close(), connectivity.close()]).finally(() => process.exit(0));
});
