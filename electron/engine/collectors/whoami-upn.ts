import type { UserPrincipalData } from '../../../shared/model/probe-data';
import { defineCollector, windowsProgram } from './collector';

/** whoami asks the local security authority; instant unless the domain controller must be asked for the UPN. */
const WHOAMI_TIMEOUT_MS = 4_000;
const WHOAMI_MAX_BYTES = 16 * 1024;

/**
 * Parses `whoami /upn`: the UPN on success; for a local or Microsoft account whoami exits 1 with
 * "ERROR: Unable to get User Principal Name (UPN) as the current logged-on user is not a domain
 * user." (German: "FEHLER: …"), which is an answer too: no UPN.
 */
export function parseWhoamiUpn(stdout: string, stderr: string, exitCode: number | null): UserPrincipalData | null {
  const upn = stdout.trim();
  if (exitCode === 0 && /^[^\s@]+@[^\s@]+$/.test(upn)) return { upn };
  const message = `${stdout}\n${stderr}`.trim();
  if (exitCode !== 0 && message) return { upn: null, message: message.split(/\r?\n/)[0]! };
  return null;
}

/** `whoami /upn`: the signed-in user's user principal name (Windows). */
export const whoamiUpnCollector = defineCollector({
  id: 'collector.whoami-upn',
  title: 'whoami /upn',
  platforms: ['win32'],
  timeoutMs: WHOAMI_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/whoami-upn.txt',
      source: { kind: 'program', program: [windowsProgram('whoami.exe')], args: ['/upn'] },
      encoding: 'console',
      maxOutputBytes: WHOAMI_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' ? parseWhoamiUpn(output.text, output.stderr, output.exitCode) : null),
  summarize: (data) => (data.upn ? `UPN ${data.upn}` : 'no UPN (not a domain user)'),
});
