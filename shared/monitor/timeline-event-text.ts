import type { Translator } from '../i18n';
import type { InterfaceChange, MonitorTimelineEvent } from './monitor-types';

/**
 * One sentence per timeline event, in the user's language: the command line prints it between
 * the rows of marks, the app can show it on its timeline.
 */
export function timelineEventText(tr: Translator, event: MonitorTimelineEvent, host: string): string {
  switch (event.type) {
    case 'network':
      return tr.t('monitor/event/network', { changes: event.changes.map((c) => changeText(tr, c)).join('; ') });
    case 'gap':
      return event.cause === 'sleep'
        ? tr.t('monitor/event/sleep', { seconds: Math.round(event.gapMs / 1000) })
        : tr.t('monitor/event/clockBack', { seconds: Math.round(-event.gapMs / 1000) });
    case 'marker':
      return event.note
        ? tr.t('monitor/event/markerNote', { number: event.number, note: event.note })
        : tr.t('monitor/event/marker', { number: event.number });
    case 'resolved': {
      const none = tr.t('monitor/event/none');
      if (event.error) return tr.t('monitor/event/resolveFailed', { host, error: event.error });
      const addresses = event.addresses.join(', ') || none;
      return event.previous === null
        ? tr.t('monitor/event/resolvedFirst', { host, addresses })
        : tr.t('monitor/event/resolved', { host, addresses, previous: event.previous.join(', ') || none });
    }
  }
}

function changeText(tr: Translator, change: InterfaceChange): string {
  const name = change.vpn ? tr.t('monitor/event/vpn', { name: change.name }) : change.name;
  switch (change.change) {
    case 'added':
      return tr.t('monitor/event/added', { name, addresses: change.added.join(', ') });
    case 'removed':
      return tr.t('monitor/event/removed', { name });
    case 'changed':
      return tr.t('monitor/event/changed', {
        name,
        changes: [
          ...change.added.map((address) => tr.t('monitor/event/addressAdded', { address })),
          ...change.removed.map((address) => tr.t('monitor/event/addressRemoved', { address })),
        ].join(' '),
      });
  }
}
