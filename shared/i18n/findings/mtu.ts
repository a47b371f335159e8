import type { FindingTextTable } from '../finding-texts';

/** Section `mtu`: small packets pass, large ones stall. */
export const de: FindingTextTable = {
  'mtu.blackhole-suspected': {
    title: 'Große Datenpakete kommen nicht durch',
    detail:
      'Kleine Anfragen an {{host}} kommen durch, eine größere Übertragung auf demselben Weg bleibt aber hängen. Irgendwo auf dem Weg werden große Datenpakete verworfen, ohne dass der Computer davon erfährt. Outlook überträgt oft größere Datenmengen. Dabei bleibt die Verbindung stehen, und Outlook zeigt „Getrennt“, obwohl der Server erreichbar ist.',
    notes: {
      upstream:
        'Eine große Anfrage an den Server ({{largeBytes, number}} Bytes) bleibt hängen (angekommen sind {{receivedBytes, number}} Bytes der Antwort): Betroffen ist die Richtung von diesem Computer zum Server.',
      downstream:
        'Die große Antwort des Servers auf eine kleine Anfrage (die Anmeldeseite von Outlook im Web) bleibt hängen, angekommen sind {{answerReceivedBytes, number}} Bytes: Betroffen ist die Richtung vom Server zu diesem Computer.',
      sweep: 'Ein Test mit Paketen, die nicht geteilt werden dürfen, ergab: Pakete bis {{pathMtu, number}} Bytes kommen durch.',
      'sweep-full':
        'Ein Ping-Test mit Paketen voller Größe (1.500 Bytes), die nicht geteilt werden dürfen, kam dagegen durch. Die Engstelle liegt also auf dem Rückweg vom Server: Antworten auf Pings dürfen dort geteilt werden, die Daten von Exchange nicht.',
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
      'Small requests to {{host}} get through, but a larger transfer on the same path stalls. Somewhere on the way large packets are dropped without the computer being told. Outlook often transfers larger amounts of data; the connection then stands still, and Outlook shows "Disconnected" although the server is reachable.',
    notes: {
      upstream:
        'A large request to the server ({{largeBytes, number}} bytes) stalls ({{receivedBytes, number}} bytes of the answer arrived): the direction from this computer to the server is affected.',
      downstream:
        "The server's large answer to a small request (the sign-in page of Outlook on the web) stalls, {{answerReceivedBytes, number}} bytes arrived: the direction from the server to this computer is affected.",
      sweep: 'A test with packets that must not be split showed: packets up to {{pathMtu, number}} bytes get through.',
      'sweep-full':
        'A ping test with full-size packets (1,500 bytes) that must not be split got through, though. So the bottleneck lies on the way back from the server: replies to pings may be split there, the data from Exchange may not.',
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
