import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startInNamespace, type NsProcess } from './ns-process';

/**
 * Real dnsmasq as the lab's DNS server: A and AAAA records for the lab names, nothing else.
 *
 * No upstream servers, no /etc/hosts, no configuration file of the machine: the zone is exactly
 * the records given. Names in the lab domain that are not listed get NXDOMAIN (`--local`); a
 * listed name without an address of a family answers that type with no records. The records go
 * into a hosts file of the lab (`--addn-hosts`): unlike `--host-record`, it gives a name several
 * addresses of one family, as a load-balanced name has.
 */
export interface DnsmasqOptions {
  namespace: string;
  listenAddress: string;
  /** The domain answered locally (NXDOMAIN for unknown names in it). */
  domain: string;
  records: readonly { name: string; addresses: readonly string[] }[];
  /** Folder for the hosts file. */
  dir: string;
}

export async function startDnsmasq(options: DnsmasqOptions): Promise<NsProcess> {
  const hostsFile = path.join(options.dir, 'dnsmasq.hosts');
  await writeFile(hostsFile, options.records.flatMap((r) => r.addresses.map((address) => `${address} ${r.name}\n`)).join(''));
  const args = [
    '--keep-in-foreground',
    '--log-facility=-',
    '--conf-file=/dev/null',
    '--pid-file=',
    '--no-resolv',
    '--no-hosts',
    '--no-poll',
    '--bind-interfaces',
    `--listen-address=${options.listenAddress}`,
    '--port=53',
    // Runs as root inside the lab namespace: no user switch that a container may not allow.
    '--user=root',
    `--local=/${options.domain}/`,
    `--addn-hosts=${hostsFile}`,
  ];
  return startInNamespace(options.namespace, '/usr/sbin/dnsmasq', args, /started, version/);
}
