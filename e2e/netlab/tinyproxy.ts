import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startInNamespace, type NsProcess } from './ns-process';

/**
 * Real tinyproxy in the router namespace: the HTTP proxy a company network puts in the way.
 *
 * Its configuration is written to the lab's temporary folder: listen on one address, allow the
 * client network, CONNECT only to 443 (what a corporate proxy permits), log to standard error.
 */
export interface TinyproxyOptions {
  namespace: string;
  listenAddress: string;
  port: number;
  /** Client network allowed to use it, CIDR. */
  allow: string;
  connectPort: number;
  /** Folder for the configuration file. */
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
  // `-d` keeps it in the foreground and logs to standard error.
  return startInNamespace(options.namespace, '/usr/bin/tinyproxy', ['-d', '-c', config], /Starting main loop/);
}
