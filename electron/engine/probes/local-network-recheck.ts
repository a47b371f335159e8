import type { LocalNetworkData } from '../../../shared/model/probe-data';
import { networkChanges } from '../../../shared/diagnosis/rules/net-changed-during-run';
import { okProbesOf } from '../../../shared/model/evidence';
import { defineProbe, type PlanView } from '../probe';
import type { RunServices } from '../run-services';
import { LOCAL_NETWORK_TIMEOUT_MS, localNetworkSnapshot, summarizeLocalNetwork } from './local-network';

/** Where the second snapshot comes from: the real one reads the system again; tests change it. */
export type LocalNetworkSource = (context: { services: RunServices; view: PlanView }) => Promise<LocalNetworkData>;

/** Changes spelled out in the one-line summary; the rule's text lists them all. */
const SUMMARY_CHANGES = 3;

/**
 * The local network read again once every other probe is done (a final probe, see
 * `FINAL_PROBES`): adapters, addresses, default routes or DNS servers that changed while the
 * run probed explain results that contradict each other (`net.changed-during-run`).
 *
 * Planned only when the first snapshot (`local.network`) succeeded: without it there is nothing
 * to compare. On Windows and macOS the collectors' facts of the first snapshot (adapter
 * descriptions, route table) are reused rather than run again; a changed address or adapter
 * still shows, a changed gateway there only through Node's view.
 */
export function createLocalNetworkRecheckProbe(read: LocalNetworkSource = localNetworkSnapshot) {
  return defineProbe({
    id: 'local.network-recheck',
    kind: 'system',
    title: 'Local network, again at the end',
    timeoutMs: LOCAL_NETWORK_TIMEOUT_MS,
    plan: (view) => {
      const first = okProbesOf({ probes: [...view.results.values()] }, 'local.network')[0];
      return first ? [{ key: 'end-of-run', target: 'this computer', input: undefined, after: [first.id] }] : [];
    },
    async run({ services, view }) {
      const data = await read({ services, view });
      const first = okProbesOf({ probes: [...view.results.values()] }, 'local.network')[0];
      const changes = first ? networkChanges(first.data, data) : [];
      const summary =
        changes.length === 0
          ? `unchanged since the start: ${summarizeLocalNetwork(data)}`
          : `changed during the run: ${changes.slice(0, SUMMARY_CHANGES).join('; ')}${changes.length > SUMMARY_CHANGES ? ` (+${changes.length - SUMMARY_CHANGES} more)` : ''}`;
      return { status: 'ok', summary, data };
    },
  });
}

/** The recheck of a real run: reads the system again. */
export const localNetworkRecheckProbe = createLocalNetworkRecheckProbe();
