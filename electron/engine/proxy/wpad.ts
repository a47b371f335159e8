import { isIP } from '../../../shared/validate';

/**
 * WPAD through DNS: the names "detect settings automatically" tries, in order.
 *
 * Windows asks DHCP first (option 252), which the engine cannot do without a DHCP exchange of
 * its own; then it looks up `wpad.<domain>` for the computer's primary DNS suffix (and the
 * connection's suffixes), shortening the domain one label at a time down to two labels
 * (`wpad.sub.corp.contoso.com`, `wpad.corp.contoso.com`, `wpad.contoso.com`), never `wpad.com`.
 * The PAC file is `http://wpad.<domain>/wpad.dat`.
 */

/** At most this many names are tried: a deep suffix list must not turn into a lookup storm. */
export const MAX_WPAD_CANDIDATES = 8;

export function wpadCandidates(suffixes: readonly string[]): string[] {
  const names: string[] = [];
  for (const raw of suffixes) {
    const suffix = raw.trim().toLowerCase().replace(/^\.+|\.+$/g, '');
    if (suffix === '' || isIP(suffix)) continue;
    const labels = suffix.split('.');
    for (let i = 0; labels.length - i >= 2; i += 1) {
      const name = `wpad.${labels.slice(i).join('.')}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, MAX_WPAD_CANDIDATES);
}

/** The WPAD script URL of a name, as Windows fetches it (port 80; tests pass another). */
export function wpadUrl(name: string, port = 80): string {
  return `http://${name}${port === 80 ? '' : `:${port}`}/wpad.dat`;
}
