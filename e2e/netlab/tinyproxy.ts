import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startInNamespace, type NsProcess } from './ns-process';

/**
 * Real tinyproxy in the router namespace: the HTTP proxy a company network puts in the way.
 *
 * Its configuration is written to the lab's temporary folder: listen on one address, allow the
 * client network, CONNECT only to 443 (what a corporate proxy permits), log to standard error.
 * It resolves CONNECT targets with the lab's DNS server, as a company proxy uses the company's:
 * a resolv.conf of the lab is bound over /etc/resolv.conf in the mount namespace `ip netns exec`
 * makes for it (mounts there do not propagate back), so nothing changes for the machine.
 */
export interface TinyproxyOptions {
  namespace: string;
  listenAddress: string;
  port: number;
  /** Client network allowed to use it, CIDR. */
  allow: string;
  connectPort: number;
  /** DNS server the proxy resolves target names with. */
  nameserver: string;
  /** Folder for the configuration and resolver files. */
  dir: string;
}

export async function startTinyproxy(options: TinyproxyOptions): Promise<NsProcess> {
  const config = path.join(options.dir, 'tinyproxy.conf');
  await writeFile(
    config,
    [
      `Port ${options.port}`,
      `Listen ${options.listenAddress}`,
      'Timeout 30',
      'MaxClients 20',
      `Allow ${options.allow}`,
      `ConnectPort ${options.connectPort}`,
      'LogLevel Info',
      'DisableViaHeader Yes',
    ].join('\n'),
  );
  const resolvConf = path.join(options.dir, 'tinyproxy-resolv.conf');
  await writeFile(resolvConf, `nameserver ${options.nameserver}\noptions timeout:2 attempts:1\n`);
  // The shell execs tinyproxy after the mount, so the process id stays tinyproxy's. `-d` keeps it
  // in the foreground and logs to standard error.
  return startInNamespace(
    options.namespace,
    '/bin/sh',
    ['-c', 'mount --bind "$0" /etc/resolv.conf && exec /usr/bin/tinyproxy -d -c "$1"', resolvConf, config],
    /Starting main loop/,
  );
}
