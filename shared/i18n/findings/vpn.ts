import type { FindingTextTable } from '../finding-texts';
import { AUTODISCOVER_ONLY } from './common-notes';

/** Section `vpn`: VPN adapters, the operating system's answer vs a fresh DNS answer. */
export const de: FindingTextTable = {
  'vpn.adapter-active': {
    title: 'VPN-Verbindung ist aktiv',
    detail:
      'Auf diesem Computer ist eine VPN-Verbindung aktiv ({{adapters}}). Mit VPN laufen Namensauflösung und Verbindungen oft andere Wege als ohne. Das ist kein Fehler, hilft aber bei der Suche: Manche Störungen gibt es nur mit VPN oder nur ohne.',
    user: [
      'Überlegen Sie, ob Outlook „Getrennt“ zeigt, seit das VPN verbunden (oder getrennt) wurde, und sagen Sie es dem IT-Support.',
      'Trennen Sie das VPN testweise, warten Sie eine Minute und schauen Sie, ob Outlook sich verbindet. Verbinden Sie das VPN danach wieder.',
    ],
    admin: [
      'Routen und DNS über den Tunnel: route print, Get-DnsClientServerAddress, Get-DnsClientNrptPolicy (Namensauflösungsrichtlinie bei DirectAccess/Always On VPN).',
      'Split-Tunnel: Liegen die Exchange-Namen (intern/extern) im Tunnel? Heißt der Server intern und extern gleich (Split DNS), liefert DNS je nach Tunnelzustand andere Adressen.',
      'Leert der VPN-Client beim Verbinden und Trennen den DNS-Cache? Sonst nach dem Wechsel ipconfig /flushdns.',
    ],
  },
  'dns.system-mismatch': {
    title: 'Windows kennt eine andere Adresse als der DNS-Server',
    detail:
      'Für den Namen {{host}} liefert Windows eine andere Antwort als eine frische Anfrage beim DNS-Server. Windows: {{systemAnswer}}. DNS-Server: {{directAnswer}}. („—“ heißt: keine Adresse.) Outlook benutzt die Antwort von Windows. Ist sie veraltet, etwa nach einem Wechsel von VPN oder Netzwerk, verbindet sich Outlook mit einer Adresse, die hier nicht funktioniert, und zeigt „Getrennt“.',
    notes: {
      cache: 'Die Antwort von Windows stammt aus dem DNS-Zwischenspeicher dieses Computers.',
      'cache-ttl': 'Die Antwort von Windows stammt aus dem DNS-Zwischenspeicher dieses Computers und bleibt dort noch {{ttl}} Sekunden.',
      vpn: 'Eine VPN-Verbindung ist aktiv ({{adapters}}). VPNs leiten Namensanfragen oft an eigene DNS-Server.',
      'system-dead': 'Die Adressen von Windows sind nicht erreichbar, die des DNS-Servers schon.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Trennen Sie ein laufendes VPN und verbinden Sie es neu, oder wechseln Sie kurz in ein anderes Netz und zurück.',
      'Hilft das nicht, starten Sie den Computer neu. Dabei wird der Zwischenspeicher geleert.',
      'Tritt es danach wieder auf: Notieren Sie, ob gerade ein VPN verbunden war, und sagen Sie es dem IT-Support.',
    ],
    admin: [
      'Cache ansehen und leeren: ipconfig /displaydns oder Get-DnsClientCache -Entry {{host}}; dann ipconfig /flushdns oder Clear-DnsClientCache.',
      'Vergleich: Resolve-DnsName {{host}} (Sicht von Windows) gegen Resolve-DnsName {{host}} -DnsOnly -NoHostsFile -Server <DNS-Server>, oder nslookup {{host}} <DNS-Server>.',
      'Split DNS: Gleicher Name intern und extern mit verschiedenen Adressen – welcher DNS-Server antwortet in welchem Netz und Tunnel, und leert der VPN-Client beim Wechsel den Cache?',
      'Namensauflösungsrichtlinie (NRPT) von DirectAccess/Always On VPN prüfen (Get-DnsClientNrptPolicy); manche VPN-Clients bauen IPsec-Tunnel ohne sichtbaren Adapter.',
      'Auch „Name existiert nicht“ bleibt im Cache (Registry MaxNegativeCacheTtl unter HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters).',
    ],
  },
};

export const en: FindingTextTable = {
  'vpn.adapter-active': {
    title: 'A VPN connection is active',
    detail:
      'A VPN connection is active on this computer ({{adapters}}). With a VPN, name resolution and connections often take other paths than without. That is not a fault, but it helps the search: some problems exist only with the VPN, or only without it.',
    user: [
      'Think about whether Outlook has shown "Disconnected" since the VPN was connected (or disconnected), and tell IT support.',
      'As a test, disconnect the VPN, wait a minute and see whether Outlook connects. Connect the VPN again afterwards.',
    ],
    admin: [
      'Routes and DNS through the tunnel: route print, Get-DnsClientServerAddress, Get-DnsClientNrptPolicy (Name Resolution Policy with DirectAccess/Always On VPN).',
      'Split tunnel: are the Exchange names (internal/external) inside the tunnel? If the server has the same name inside and outside (split DNS), DNS gives other addresses depending on the tunnel state.',
      'Does the VPN client flush the DNS cache when connecting and disconnecting? Otherwise run ipconfig /flushdns after the change.',
    ],
  },
  'dns.system-mismatch': {
    title: 'Windows knows a different address than the DNS server',
    detail:
      'For the name {{host}}, Windows gives a different answer than a fresh query to the DNS server. Windows: {{systemAnswer}}. DNS server: {{directAnswer}}. ("—" means: no address.) Outlook uses Windows\' answer. If that is outdated, for example after a VPN or network change, Outlook connects to an address that does not work here and shows "Disconnected".',
    notes: {
      cache: 'Windows\' answer comes from this computer\'s DNS cache.',
      'cache-ttl': 'Windows\' answer comes from this computer\'s DNS cache and stays there for another {{ttl}} seconds.',
      vpn: 'A VPN connection is active ({{adapters}}). VPNs often send name queries to their own DNS servers.',
      'system-dead': 'The addresses Windows gives cannot be reached; those of the DNS server can.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'Disconnect a running VPN and connect it again, or switch briefly to another network and back.',
      'If that does not help, restart the computer. This empties the cache.',
      'If it happens again afterwards: note whether a VPN was connected at the time and tell IT support.',
    ],
    admin: [
      'Show and flush the cache: ipconfig /displaydns or Get-DnsClientCache -Entry {{host}}; then ipconfig /flushdns or Clear-DnsClientCache.',
      'Compare: Resolve-DnsName {{host}} (Windows\' view) with Resolve-DnsName {{host}} -DnsOnly -NoHostsFile -Server <DNS server>, or nslookup {{host}} <DNS server>.',
      'Split DNS: same name inside and outside with different addresses – which DNS server answers in which network and tunnel, and does the VPN client flush the cache on a change?',
      'Check the Name Resolution Policy Table of DirectAccess/Always On VPN (Get-DnsClientNrptPolicy); some VPN clients build IPsec tunnels without a visible adapter.',
      '"Name does not exist" is cached too (registry MaxNegativeCacheTtl under HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters).',
    ],
  },
};
