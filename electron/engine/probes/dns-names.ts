import { mailDomain, type RunInput } from '../../../shared/model/run-input';
import { isIP } from '../../../shared/validate';

/**
 * The names Outlook resolves for a run, in the order it needs them.
 *
 * The Exchange host (unless it is an IP address) and, with a mailbox address, the Autodiscover
 * names `<domain>` and `autodiscover.<domain>`. Without `--server` the host already is
 * `autodiscover.<domain>`, so names are deduplicated. `found` adds the Exchange hosts
 * Autodiscover's settings named.
 */
export function dnsNamesOf(input: RunInput, found: readonly string[] = []): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    const normalized = name.trim().replace(/\.$/, '').toLowerCase();
    if (normalized && !names.includes(normalized)) names.push(normalized);
  };
  const host = input.server?.host;
  if (host && !isIP(host)) add(host);
  const domain = mailDomain(input);
  if (domain) {
    add(domain);
    add(`autodiscover.${domain}`);
  }
  for (const name of found) if (!isIP(name)) add(name);
  return names;
}

/** The SRV name of Autodiscover, when a mailbox address is given. */
export function autodiscoverSrvName(input: RunInput): string | undefined {
  const domain = mailDomain(input);
  return domain ? `_autodiscover._tcp.${domain}` : undefined;
}
