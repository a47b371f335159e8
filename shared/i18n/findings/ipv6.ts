import type { FindingTextTable } from '../finding-texts';
import { AUTODISCOVER_ONLY, HAND_TO_SUPPORT } from './common-notes';

/** Section `ipv6`: AAAA records whose addresses cannot be reached while IPv4 works. */
export const de: FindingTextTable = {
  'ipv6.unreachable': {
    title: 'Server über IPv6 nicht erreichbar',
    detail:
      'Für {{host}} gibt es IPv6-Adressen ({{addresses}}), aber keine davon antwortet. Über IPv4 ({{working}}) klappt es. Windows versucht IPv6 meist zuerst. Outlook wartet dann bei jeder Verbindung, bis der IPv6-Versuch aufgibt. Das macht Outlook langsam oder lässt es „Getrennt“ zeigen.',
    notes: {
      'no-client-ipv6': 'Dieser Computer hat selbst keine IPv6-Adresse, deshalb versucht Windows IPv6 gar nicht. Outlook ist hier im Moment nicht betroffen, Computer mit IPv6 (zum Beispiel im Homeoffice) aber schon.',
      'fast-fail': 'Allerdings scheitern die IPv6-Versuche sofort. Windows weicht dann schnell auf IPv4 aus, der Umweg kostet nur wenig Zeit.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Das können Sie nicht selbst beheben. ' + HAND_TO_SUPPORT.de,
      'Wenn Sie zu Hause arbeiten: Sagen Sie dazu, welchen Internetanbieter Sie haben. Viele Anbieter vergeben IPv6-Adressen.',
    ],
    admin: [
      'Prüfen: Resolve-DnsName {{host}} -Type AAAA, dann Test-NetConnection <IPv6-Adresse> -Port 443; zum Vergleich Test-NetConnection {{host}} -Port 443.',
      'Veraltete AAAA-Einträge im DNS entfernen oder die IPv6-Adresse am Load Balancer bzw. Server wieder bereitstellen; Firewall-Regeln für IPv6 prüfen (oft nur für IPv4 gepflegt).',
      'Übergangsweise am Client IPv4 bevorzugen statt IPv6 abzuschalten: DisabledComponents = 0x20 unter HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters (Microsoft rät vom vollständigen Abschalten ab); Präferenz prüfen mit netsh interface ipv6 show prefixpolicies.',
    ],
  },
};

export const en: FindingTextTable = {
  'ipv6.unreachable': {
    title: 'Server not reachable over IPv6',
    detail:
      '{{host}} has IPv6 addresses ({{addresses}}), but none of them answers. Over IPv4 ({{working}}) it works. Windows usually tries IPv6 first, so Outlook waits on every connection until the IPv6 attempt gives up. That makes Outlook slow or makes it show "Disconnected".',
    notes: {
      'no-client-ipv6': 'This computer has no IPv6 address of its own, so Windows does not try IPv6 at all. Outlook is not affected here right now, but computers with IPv6 (for example at home) are.',
      'fast-fail': 'However, the IPv6 attempts fail at once. Windows then quickly falls back to IPv4; the detour costs little time.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'You cannot fix this yourself. ' + HAND_TO_SUPPORT.en,
      'If you work from home: also say which internet provider you have. Many providers hand out IPv6 addresses.',
    ],
    admin: [
      'Check: Resolve-DnsName {{host}} -Type AAAA, then Test-NetConnection <IPv6 address> -Port 443; compare with Test-NetConnection {{host}} -Port 443.',
      'Remove stale AAAA records from DNS, or bring the IPv6 address back on the load balancer or server; check firewall rules for IPv6 (often maintained for IPv4 only).',
      'As a stopgap on the client, prefer IPv4 instead of disabling IPv6: DisabledComponents = 0x20 under HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters (Microsoft advises against disabling it completely); check the preference with netsh interface ipv6 show prefixpolicies.',
    ],
  },
};
