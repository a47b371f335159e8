/**
 * What a diagnosis run is asked to look at, after validation.
 *
 * Both front ends (command line, app) produce this; the engine plans its probes from it. It never
 * holds a password.
 */
export interface ServerTarget {
  host: string;
  port: number;
}

export type ProxySetting = { mode: 'system' } | { mode: 'none' } | { mode: 'url'; url: string };

export interface RunInput {
  email?: string;
  /** The Exchange host Outlook uses, from the option, the profile or guessed from the mailbox domain. */
  server?: ServerTarget;
  /** Where the server came from; `autodiscover-name` = no server was given, autodiscover.<domain> stands in. */
  serverSource?: 'option' | 'profile' | 'autodiscover-name';
  /** Host:port strings; empty = the operating system's resolver. */
  dnsServers: string[];
  connectivityUrl: string;
  connectivityExpect: string;
  proxy: ProxySetting;
  /** User name of the optional credential test. */
  user?: string;
  timeoutMs: number;
}

/** The mailbox domain, lower-cased, or undefined without an address. */
export function mailDomain(input: Pick<RunInput, 'email'>): string | undefined {
  const at = input.email?.lastIndexOf('@') ?? -1;
  if (!input.email || at < 0) return undefined;
  return input.email.slice(at + 1).toLowerCase();
}
