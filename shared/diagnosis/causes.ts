import type { FindingId } from '../model/finding-catalog';

/**
 * Findings that explain most later ones, for rules' `dependsOn` lists.
 *
 * Only causes that are never raised below the severity of what they would hide belong here:
 * `diagnose` drops a dependant whatever the severities, so a lowered cause must not hide a
 * problem on the Exchange host.
 */

/** No usable link: nothing after it can work, and every later failure is an echo. */
export const LINK_DOWN: readonly FindingId[] = ['net.no-interface', 'net.apipa-only', 'net.no-gateway'];

/** The Exchange name cannot be resolved: later unreachability follows from it. */
export const NAME_UNRESOLVED: readonly FindingId[] = ['dns.nxdomain', 'dns.timeout', 'dns.servfail'];

/** A captive portal answers instead of the network: it explains everything after it (part B's rule). */
export const PORTAL: readonly FindingId[] = ['portal.detected'];
