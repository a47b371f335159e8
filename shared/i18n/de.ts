/** German texts (primary language). English in `en.ts` must have exactly the same keys. */
export const de = {
  verdict: {
    ok: 'Keine Probleme gefunden',
    warning: 'Hinweise gefunden',
    problem: 'Problem gefunden',
  },
  severity: { problem: 'Problem', warning: 'Warnung', info: 'Hinweis' },
  sectionStatus: { ok: 'in Ordnung', warning: 'Warnung', problem: 'Problem', 'not-checked': 'nicht geprüft' },
  section: {
    physical: 'Physikalisches Netzwerk',
    'network-change': 'Netzwerkwechsel',
    vpn: 'Verstecktes VPN',
    mtu: 'Interne Firewalls / WAN-Optimierer / MTU-Size',
    'desktop-firewall': 'Desktop-Firewalls',
    tls: 'TLS-Handshake',
    ipv6: 'IPv6',
    'captive-portal': 'Gäste-LAN/WLAN-Portal',
    proxy: 'Proxy',
    dns: 'DNS-Auflösung',
    'load-balancer': 'Loadbalancer und DNS-Auflösung',
    autodiscover: 'Autodiscover',
    auth: 'Authentifizierung / Internetzonen',
    server: 'Exchange-Server',
  },
  heading: {
    userAction: 'Was Sie tun können',
    adminAction: 'Für den IT-Support',
    findings: 'Ergebnisse',
    sections: 'Bereiche',
  },
  cli: {
    checking: 'Prüfe Verbindung zu Exchange …',
    progress: '{{done}} von {{total}} Prüfungen fertig',
    summaryTitle: 'Ergebnis der Prüfung',
    noFindings: 'Keine Auffälligkeiten: Der Weg zu Exchange sieht gesund aus.',
    duration: 'Dauer: {{seconds}} s',
    reportWritten: 'Bericht gespeichert: {{path}}',
    bundleWritten: 'Diagnosepaket gespeichert: {{path}}',
    deadline: 'Zeitlimit erreicht – das Ergebnis beruht auf dem, was bis dahin geprüft war.',
    cancelled: 'Abgebrochen – das Ergebnis beruht auf dem, was bis dahin geprüft war.',
    target: 'Server: {{server}}',
    mailbox: 'Postfach: {{email}}',
    sectionLine: '{{title}}: {{status}}',
    fromProfile: 'Angaben aus dem Outlook-Profil „{{profile}}“ übernommen.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof de>;
