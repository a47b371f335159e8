import type { FindingTextTable } from '../finding-texts';

/** Section `mtu`: small packets pass, large ones stall. */
export const de: FindingTextTable = {
  'mtu.blackhole-suspected': {
    title: 'Große Datenpakete kommen nicht durch',
    detail:
      'Kleine Anfragen an {{host}} kommen durch, eine größere Übertragung ({{largeBytes, number}} Bytes) bleibt aber hängen (angekommen sind {{receivedBytes, number}} Bytes). Irgendwo auf dem Weg werden große Datenpakete verworfen, ohne dass der Computer davon erfährt. Outlook überträgt oft größere Datenmengen. Dabei bleibt die Verbindung stehen, und Outlook zeigt „Getrennt“, obwohl der Server erreichbar ist.',
    notes: {
      sweep: 'Ein Test mit Paketen, die nicht geteilt werden dürfen, ergab: Pakete bis {{pathMtu, number}} Bytes kommen durch.',
      'icmp-blocked':
        'Auch der Ping-Test bekam keine Antwort: Auf dem Weg sind Kontrollnachrichten (ICMP) gesperrt. Genau deshalb erfährt der Computer nicht, dass er kleinere Pakete schicken müsste.',
    },
    user: [
      'Probieren Sie, ob Outlook im Web (OWA) im Browser funktioniert, und notieren Sie das Ergebnis.',
      'Sagen Sie dem IT-Support, ob Sie über VPN oder aus einer Außenstelle arbeiten. Dieses Problem tritt meist nur an bestimmten Standorten oder mit bestimmten VPNs auf.',
      'Testen Sie, wenn möglich, in einem anderen Netz, zum Beispiel über das Handy als Hotspot.',
    ],
    admin: [
      'Pfad-MTU ermitteln (IPv4): ping -f -l 1472 <Adresse>, die Größe verringern, bis eine Antwort kommt (Nutzlast + 28 = MTU); IPv6: ping -6 -l 1452 <Adresse>. Getestete Adresse: {{address}}.',
      'ICMP „Fragmentation Needed“ (Typ 3, Code 4) und ICMPv6 „Packet Too Big“ (Typ 2) auf Firewalls und VPN-Gateways zulassen – deren Sperre ist die eigentliche Ursache.',
      'Auf VPN-Gateways und Routern TCP-MSS-Clamping einschalten (z. B. ip tcp adjust-mss 1360) oder die Tunnel-MTU passend setzen; WAN-Optimierer und IPS im Pfad prüfen, die Pakete verändern.',
      'Zur Eingrenzung am Client: netsh interface ipv4 show subinterfaces (MTU je Adapter); testweise netsh interface ipv4 set subinterface "<Adapter>" mtu=1400 store=active.',
    ],
  },
};

export const en: FindingTextTable = {
  'mtu.blackhole-suspected': {
    title: 'Large data packets do not get through',
    detail:
      'Small requests to {{host}} get through, but a larger transfer ({{largeBytes, number}} bytes) stalls ({{receivedBytes, number}} bytes arrived). Somewhere on the way large packets are dropped without the computer being told. Outlook often transfers larger amounts of data; the connection then stands still, and Outlook shows "Disconnected" although the server is reachable.',
    notes: {
      sweep: 'A test with packets that must not be split showed: packets up to {{pathMtu, number}} bytes get through.',
      'icmp-blocked':
        'The ping test got no answer either: control messages (ICMP) are blocked on the way. That is exactly why the computer is not told to send smaller packets.',
    },
    user: [
      'Try whether Outlook on the web (OWA) works in the browser, and note the result.',
      'Tell IT support whether you work over a VPN or from a branch office. This problem usually appears only at certain sites or with certain VPNs.',
      'If possible, test in another network, for example with your phone as a hotspot.',
    ],
    admin: [
      'Find the path MTU (IPv4): ping -f -l 1472 <address>, lower the size until an answer comes (payload + 28 = MTU); IPv6: ping -6 -l 1452 <address>. Address tested: {{address}}.',
      'Allow ICMP "Fragmentation Needed" (type 3, code 4) and ICMPv6 "Packet Too Big" (type 2) on firewalls and VPN gateways – blocking them is the actual cause.',
      'Enable TCP MSS clamping on VPN gateways and routers (e.g. ip tcp adjust-mss 1360) or set the tunnel MTU to fit; check WAN optimisers and IPS in the path that alter packets.',
      'To narrow it down on the client: netsh interface ipv4 show subinterfaces (MTU per adapter); as a test netsh interface ipv4 set subinterface "<adapter>" mtu=1400 store=active.',
    ],
  },
};
