import { readFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import type { ProxySetting, RunInput } from '../../shared/model/run-input';
import { checkDnsServer, checkEmail, checkServer, formatHostPort, type InputProblem } from '../../shared/validate';

/** Windows' own connectivity check (NCSI), the default of `--connectivity-url`. */
export const DEFAULT_CONNECTIVITY_URL = 'http://www.msftconnecttest.com/connecttest.txt';
export const DEFAULT_CONNECTIVITY_EXPECT = 'Microsoft Connect Test';

/** Default deadline of a whole run: long enough for a slow DNS server and one retry, short enough to wait for. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
/** Bounds of `--timeout`: below 1 s nothing useful finishes, above 5 min a user gives up. */
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 300;

/** At most this many PEM files and bytes per file from `--ca-file`: protects against a wrong path to a huge file. */
const MAX_CA_FILE_BYTES = 4 * 1024 * 1024;

/** What a front end asks for, before validation. Field names follow the command line options. */
export interface EngineOptions {
  email?: string;
  server?: string;
  dnsServers?: string[];
  caFiles?: string[];
  connectivityUrl?: string;
  connectivityExpect?: string;
  proxy?: string;
  noProxy?: boolean;
  user?: string;
  /** Kept in memory only; never part of RunInput, the report or logs. */
  password?: string;
  timeoutSeconds?: number;
  /** Hosts file to read instead of the system's (tests, and admins checking a copy). */
  hostsFile?: string;
  /**
   * Defaults from the user's Outlook profile (`detectOutlookAccount()`, Windows): fill a missing
   * `email`, and a missing `server` when the address is the profile's (or none was given).
   */
  profile?: { email?: string; server?: string };
}

/** An option that cannot be used, named as on the command line. */
export class OptionError extends Error {
  constructor(
    readonly option: string,
    readonly problem: InputProblem | 'missing' | 'conflict' | 'unreadable' | 'not-pem' | 'range',
    message: string,
  ) {
    super(message);
    this.name = 'OptionError';
  }
}

const PROBLEM_TEXT: Record<InputProblem, string> = {
  empty: 'is empty',
  'too-long': 'is too long',
  'email-no-at': 'is not a mail address (no @)',
  'email-local-part': 'has an invalid part before the @',
  'host-invalid': 'is not a valid host name',
  'host-has-path': 'must be a host name or https://HOST[:PORT]/ without a path',
  'url-scheme': 'must start with https://',
  'port-invalid': 'has an invalid port (1-65535)',
  'ip-invalid': 'must be an IP address, optionally with :PORT',
};

export interface PreparedRun {
  input: RunInput;
  /** Extra trust anchors (PEM) from `--ca-file`. */
  extraCa: string[];
  hostsFile?: string;
  password?: string;
}

/** Validates front-end options into a run input; throws OptionError naming the option. */
export async function prepareRun(options: EngineOptions): Promise<PreparedRun> {
  let email = options.email === undefined ? undefined : checked('--email', checkEmail(options.email));
  let server = options.server === undefined ? undefined : checked('--server', checkServer(options.server));
  let serverFromProfile = false;
  if (options.profile) {
    // A profile value that does not validate is ignored, not an error: the user did not type it.
    const profileEmail = options.profile.email === undefined ? undefined : checkEmail(options.profile.email);
    const profileServer = options.profile.server === undefined ? undefined : checkServer(options.profile.server);
    const sameMailbox = !email || (profileEmail?.ok === true && profileEmail.value.toLowerCase() === email.toLowerCase());
    if (!email && profileEmail?.ok) email = profileEmail.value;
    if (!server && sameMailbox && profileServer?.ok) {
      server = profileServer.value;
      serverFromProfile = true;
    }
  }
  if (!email && !server) {
    throw new OptionError('--server', 'missing', 'at least one of --email and --server is required');
  }
  const dnsServers = (options.dnsServers ?? []).map((s) => {
    const v = checked('--dns-server', checkDnsServer(s));
    return formatHostPort(v.address, v.port);
  });

  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < MIN_TIMEOUT_SECONDS || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new OptionError('--timeout', 'range', `must be a number of seconds between ${MIN_TIMEOUT_SECONDS} and ${MAX_TIMEOUT_SECONDS}`);
  }

  const connectivityUrl = options.connectivityUrl ?? DEFAULT_CONNECTIVITY_URL;
  if (!/^https?:\/\//i.test(connectivityUrl) || !URL.canParse(connectivityUrl)) {
    throw new OptionError('--connectivity-url', 'url-scheme', 'must be an http:// or https:// URL');
  }

  if (options.proxy !== undefined && options.noProxy) {
    throw new OptionError('--proxy', 'conflict', '--proxy and --no-proxy cannot be used together');
  }
  let proxy: ProxySetting = { mode: 'system' };
  if (options.noProxy) proxy = { mode: 'none' };
  if (options.proxy !== undefined) {
    if (!/^https?:\/\//i.test(options.proxy) || !URL.canParse(options.proxy)) {
      throw new OptionError('--proxy', 'url-scheme', 'must be a URL like http://proxy.example:8080');
    }
    const url = new URL(options.proxy);
    if (url.username || url.password) {
      throw new OptionError('--proxy', 'host-invalid', 'must not contain a user name or password');
    }
    proxy = { mode: 'url', url: url.origin };
  }

  if (options.user !== undefined && options.user.trim() === '') {
    throw new OptionError('--user', 'empty', 'is empty');
  }

  const extraCa: string[] = [];
  for (const file of options.caFiles ?? []) extraCa.push(...(await readCaFile(file)));

  const input: RunInput = {
    ...(email ? { email } : {}),
    dnsServers,
    connectivityUrl,
    connectivityExpect: options.connectivityExpect ?? DEFAULT_CONNECTIVITY_EXPECT,
    proxy,
    ...(options.user ? { user: options.user.trim() } : {}),
    timeoutMs: Math.round(timeoutSeconds * 1000),
  };
  if (server) {
    input.server = server;
    input.serverSource = serverFromProfile ? 'profile' : 'option';
  } else if (email) {
    input.server = { host: `autodiscover.${email.slice(email.lastIndexOf('@') + 1)}`, port: 443 };
    input.serverSource = 'autodiscover-name';
  }
  return {
    input,
    extraCa,
    ...(options.hostsFile ? { hostsFile: options.hostsFile } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  };
}

function checked<T>(option: string, result: { ok: true; value: T } | { ok: false; problem: InputProblem }): T {
  if (result.ok) return result.value;
  throw new OptionError(option, result.problem, PROBLEM_TEXT[result.problem]);
}

async function readCaFile(file: string): Promise<string[]> {
  let text: string;
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_CA_FILE_BYTES) throw new Error('file too large');
    text = buffer.toString('utf8');
  } catch (error) {
    throw new OptionError('--ca-file', 'unreadable', `cannot read ${file}: ${(error as Error).message}`);
  }
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) throw new OptionError('--ca-file', 'not-pem', `${file} holds no PEM certificate`);
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new OptionError('--ca-file', 'not-pem', `${file} holds a certificate that cannot be read`);
    }
  }
  return pems;
}
