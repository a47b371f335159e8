import type { FindingTextTable } from '../finding-texts';
import { AUTODISCOVER_ONLY, HAND_TO_SUPPORT } from './common-notes';

/** Section `dns`: missing, failing, slow or pinned name resolution. */
export const de: FindingTextTable = {
  'dns.no-server': {
    title: 'Kein DNS-Server eingerichtet',
    detail:
      'Dieser Computer hat keinen DNS-Server. Ein DNS-Server übersetzt Namen wie den des Exchange-Servers in Adressen. Ohne ihn findet Outlook den Server nicht und zeigt „Getrennt“.',
    notes: {
      'system-resolves':
        'Den Namen {{host}} konnte Windows trotzdem auflösen (aus der Hosts-Datei oder dem Zwischenspeicher). Outlook ist deshalb im Moment nicht betroffen, andere Namen aber schon.',
    },
    user: [
      'Trennen Sie die Netzwerkverbindung und verbinden Sie sich neu, oder starten Sie den Computer neu.',
      'Wenn ein VPN-Programm läuft: Trennen Sie das VPN und verbinden Sie es neu.',
      'Tritt es danach noch auf: ' + HAND_TO_SUPPORT.de,
    ],
    admin: [
      'DNS-Server des Clients: ipconfig /all oder Get-DnsClientServerAddress.',
      'DHCP-Option 6 (DNS-Server) im Bereich des Client-VLANs; bei statischer Konfiguration Set-DnsClientServerAddress -InterfaceAlias <Adapter> -ServerAddresses <IP>.',
      'VPN-Clients, die beim Trennen die DNS-Einstellungen nicht zurücksetzen, sind eine häufige Ursache.',
    ],
  },
  'dns.nxdomain': {
    title: 'Den Servernamen gibt es nicht',
    detail:
      'Den Namen {{host}} gibt es laut DNS nicht. Outlook kann den Server deshalb nicht finden und zeigt „Getrennt“. Häufige Gründe: ein Tippfehler im Namen, ein umgezogener Server oder ein Name, der nur im Firmennetz bekannt ist.',
    notes: {
      nodata: 'Genauer: Den Namen gibt es, aber er hat keine Adresse.',
      cname: 'Der Name verweist auf {{target}}, und diesen Namen gibt es nicht (mehr).',
    },
    user: [
      'Prüfen Sie, ob der Servername richtig geschrieben ist: {{host}}.',
      'Wenn Sie von zu Hause oder unterwegs arbeiten und Ihre Firma ein VPN nutzt: Verbinden Sie das VPN und versuchen Sie es erneut.',
      HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Auflösen: Resolve-DnsName {{host}} oder nslookup {{host}}, intern und extern (auch gegen einen öffentlichen Resolver).',
      'Fehlenden A/AAAA- oder CNAME-Eintrag in der richtigen Zone anlegen; bei Split DNS beide Zonen (intern und extern) pflegen.',
      'Ist der Name veraltet (alter Server, frühere Migration): Outlook-Profil und Autodiscover-Konfiguration prüfen, z. B. Get-MapiVirtualDirectory | Format-List InternalUrl,ExternalUrl, Get-OutlookAnywhere, Get-ClientAccessService | Format-List AutoDiscoverServiceInternalUri.',
    ],
  },
  'dns.timeout': {
    title: 'Der DNS-Server antwortet nicht',
    detail:
      'Auf die Frage nach der Adresse von {{host}} hat der DNS-Server ({{servers}}) nicht rechtzeitig geantwortet. Ohne Antwort findet Outlook den Server nicht und zeigt „Getrennt“. Oft ist der DNS-Server gestört oder der Weg dorthin unterbrochen.',
    notes: {
      cached: 'Windows hatte die Adresse noch im Zwischenspeicher. Das hilft nur, bis der Eintrag abläuft, meist nach wenigen Minuten.',
      network: 'Der DNS-Server war gar nicht erreichbar.',
    },
    user: [
      'Prüfen Sie, ob Internetseiten im Browser laden. Wenn auch das nicht geht, liegt es am Netzwerk, nicht an Outlook.',
      'Trennen Sie die Netzwerkverbindung und verbinden Sie sich neu; ein laufendes VPN ebenso.',
      HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Server direkt fragen: Resolve-DnsName {{host}} -Server <DNS-Server> -DnsOnly; Erreichbarkeit: Test-NetConnection <DNS-Server> -Port 53.',
      'DNS-Dienst und Ereignisprotokoll „DNS Server“ prüfen, ebenso Weiterleitungen und bedingte Weiterleitungen für die Zone von {{host}}.',
      'Firewalls zwischen Client und DNS-Server: UDP und TCP 53 zulassen (große Antworten, EDNS).',
      'Mit VPN: Werden DNS-Anfragen in den Tunnel geleitet, und ist der DNS-Server dort erreichbar?',
    ],
  },
  'dns.servfail': {
    title: 'Der DNS-Server meldet einen Fehler',
    detail:
      'Auf die Frage nach der Adresse von {{host}} hat der DNS-Server ({{servers}}) mit einem Fehler geantwortet: Er kann den Namen selbst nicht auflösen. Ohne Adresse findet Outlook den Server nicht und zeigt „Getrennt“.',
    notes: {
      refused: 'Der DNS-Server hat die Anfrage verweigert: Er beantwortet Fragen dieses Computers oder zu diesem Namen nicht.',
      cached: 'Windows hatte die Adresse noch im Zwischenspeicher. Das hilft nur, bis der Eintrag abläuft, meist nach wenigen Minuten.',
    },
    user: [
      'Trennen Sie die Netzwerkverbindung und verbinden Sie sich neu.',
      'Das Problem liegt beim DNS-Server, nicht an Ihrem Computer. ' + HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Nachstellen: Resolve-DnsName {{host}} -Server <DNS-Server> -DnsOnly; dig {{host}} @<DNS-Server> +dnssec (Status SERVFAIL oder REFUSED).',
      'SERVFAIL: Delegation und Erreichbarkeit der autoritativen Server der Zone (dig +trace {{host}}), DNSSEC-Signaturen (abgelaufene RRSIG), Weiterleitungen des DNS-Servers.',
      'REFUSED: Ist Rekursion für das Client-Netz erlaubt (Get-DnsServerRecursion, ACLs bzw. allow-recursion)?',
    ],
  },
  'dns.slow': {
    title: 'Die Namensauflösung ist langsam',
    detail:
      'Die Adresse von {{host}} zu finden hat {{ms, number}} ms gedauert; normal sind wenige Millisekunden bis etwa 100 ms. Outlook muss Namen immer wieder auflösen. Dauert das lange, verbindet sich Outlook zäh oder gibt auf und zeigt kurz „Getrennt“.',
    notes: {
      'partial-timeout': 'Eine der beiden Anfragen (für IPv4 oder für IPv6) blieb ganz ohne Antwort. Windows wartet dann jedes Mal, bis sie aufgibt.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Wenn Sie im WLAN sind: Testen Sie, ob es mit Kabel schneller geht.',
      'Geben Sie diesen Bericht an den IT-Support weiter, besonders wenn auch Internetseiten langsam laden.',
    ],
    admin: [
      'Messen: Measure-Command { Resolve-DnsName {{host}} -DnsOnly } mehrmals, einzeln gegen jeden konfigurierten DNS-Server (-Server <IP>).',
      'Antwortet der erste DNS-Server nicht, wartet Windows, bevor es den nächsten fragt: tote Server aus der Konfiguration entfernen (DHCP-Option 6).',
      'Weiterleitungen des DNS-Servers prüfen (langsame oder tote Forwarder); Firewalls, die AAAA-Anfragen oder EDNS-Antworten verwerfen.',
    ],
  },
  'dns.hosts-override': {
    title: 'Der Servername ist in der Hosts-Datei fest eingetragen',
    detail:
      'Für {{host}} steht in der Datei {{path}} (Zeile {{lines}}) eine feste Adresse: {{addresses}}. Dieser Computer fragt dann nicht mehr den DNS-Server. Zieht der Server um, zeigt Outlook nur auf diesem Computer „Getrennt“, auf anderen nicht.',
    notes: {
      differs: 'Der DNS-Server nennt inzwischen eine andere Adresse: {{directAnswer}}.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: ['Ändern Sie die Datei nicht selbst. ' + HAND_TO_SUPPORT.de],
    admin: [
      'Eintrag prüfen und entfernen: notepad {{path}} als Administrator öffnen, Zeile {{lines}}; danach ipconfig /flushdns.',
      'Vergleich: Resolve-DnsName {{host}} -DnsOnly (ohne Hosts-Datei) gegen Resolve-DnsName {{host}}.',
      'Herkunft klären: alte Migrations- oder Testeinträge, Softwareverteilung oder Skripte, die die Hosts-Datei schreiben.',
    ],
  },
};

export const en: FindingTextTable = {
  'dns.no-server': {
    title: 'No DNS server configured',
    detail:
      'This computer has no DNS server. A DNS server translates names such as the Exchange server\'s into addresses. Without it Outlook cannot find the server and shows "Disconnected".',
    notes: {
      'system-resolves':
        'Windows resolved the name {{host}} anyway (from the hosts file or its cache). Outlook is therefore not affected right now, but other names are.',
    },
    user: [
      'Disconnect from the network and connect again, or restart the computer.',
      'If a VPN program is running: disconnect the VPN and connect it again.',
      'If it still happens afterwards: ' + HAND_TO_SUPPORT.en,
    ],
    admin: [
      'The client\'s DNS servers: ipconfig /all or Get-DnsClientServerAddress.',
      'DHCP option 6 (DNS servers) in the client VLAN\'s scope; with a static configuration Set-DnsClientServerAddress -InterfaceAlias <adapter> -ServerAddresses <IP>.',
      'VPN clients that do not restore the DNS settings on disconnect are a common cause.',
    ],
  },
  'dns.nxdomain': {
    title: 'The server name does not exist',
    detail:
      'According to DNS, the name {{host}} does not exist. Outlook therefore cannot find the server and shows "Disconnected". Common reasons: a typo in the name, a server that moved, or a name known only inside the company network.',
    notes: {
      nodata: 'More precisely: the name exists but has no address.',
      cname: 'The name points to {{target}}, and that name does not exist (any more).',
    },
    user: [
      'Check that the server name is spelled correctly: {{host}}.',
      'If you work from home or on the road and your company uses a VPN: connect the VPN and try again.',
      HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Resolve: Resolve-DnsName {{host}} or nslookup {{host}}, internally and externally (also against a public resolver).',
      'Create the missing A/AAAA or CNAME record in the right zone; with split DNS maintain both zones (internal and external).',
      'If the name is outdated (old server, earlier migration): check the Outlook profile and the Autodiscover configuration, e.g. Get-MapiVirtualDirectory | Format-List InternalUrl,ExternalUrl, Get-OutlookAnywhere, Get-ClientAccessService | Format-List AutoDiscoverServiceInternalUri.',
    ],
  },
  'dns.timeout': {
    title: 'The DNS server does not answer',
    detail:
      'Asked for the address of {{host}}, the DNS server ({{servers}}) did not answer in time. Without an answer Outlook cannot find the server and shows "Disconnected". Often the DNS server is disturbed or the way to it is interrupted.',
    notes: {
      cached: 'Windows still had the address in its cache. That only helps until the entry expires, usually within minutes.',
      network: 'The DNS server could not be reached at all.',
    },
    user: [
      'Check whether web pages load in the browser. If they do not either, the network is the problem, not Outlook.',
      'Disconnect from the network and connect again; the same for a running VPN.',
      HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Ask the server directly: Resolve-DnsName {{host}} -Server <DNS server> -DnsOnly; reachability: Test-NetConnection <DNS server> -Port 53.',
      'Check the DNS service and the "DNS Server" event log, and the forwarders and conditional forwarders for the zone of {{host}}.',
      'Firewalls between client and DNS server: allow UDP and TCP 53 (large answers, EDNS).',
      'With a VPN: are DNS queries routed into the tunnel, and is the DNS server reachable there?',
    ],
  },
  'dns.servfail': {
    title: 'The DNS server reports an error',
    detail:
      'Asked for the address of {{host}}, the DNS server ({{servers}}) answered with an error: it cannot resolve the name itself. Without an address Outlook cannot find the server and shows "Disconnected".',
    notes: {
      refused: 'The DNS server refused the query: it does not answer this computer, or not for this name.',
      cached: 'Windows still had the address in its cache. That only helps until the entry expires, usually within minutes.',
    },
    user: [
      'Disconnect from the network and connect again.',
      'The problem is at the DNS server, not on your computer. ' + HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Reproduce: Resolve-DnsName {{host}} -Server <DNS server> -DnsOnly; dig {{host}} @<DNS server> +dnssec (status SERVFAIL or REFUSED).',
      'SERVFAIL: delegation and reachability of the zone\'s authoritative servers (dig +trace {{host}}), DNSSEC signatures (expired RRSIG), the DNS server\'s forwarders.',
      'REFUSED: is recursion allowed for the client network (Get-DnsServerRecursion, ACLs or allow-recursion)?',
    ],
  },
  'dns.slow': {
    title: 'Name resolution is slow',
    detail:
      'Finding the address of {{host}} took {{ms, number}} ms; a few milliseconds up to about 100 ms is normal. Outlook resolves names again and again. If that takes long, Outlook connects sluggishly or gives up and briefly shows "Disconnected".',
    notes: {
      'partial-timeout': 'One of the two queries (for IPv4 or for IPv6) got no answer at all. Windows then waits every time until it gives up.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'If you are on Wi-Fi: test whether it is faster with a cable.',
      'Pass this report on to your IT support, especially if web pages load slowly too.',
    ],
    admin: [
      'Measure: Measure-Command { Resolve-DnsName {{host}} -DnsOnly } several times, separately against each configured DNS server (-Server <IP>).',
      'If the first DNS server does not answer, Windows waits before asking the next: remove dead servers from the configuration (DHCP option 6).',
      'Check the DNS server\'s forwarders (slow or dead forwarders); firewalls dropping AAAA queries or EDNS answers.',
    ],
  },
  'dns.hosts-override': {
    title: 'The server name is fixed in the hosts file',
    detail:
      'The file {{path}} (line {{lines}}) holds a fixed address for {{host}}: {{addresses}}. This computer then no longer asks the DNS server. When the server moves, Outlook shows "Disconnected" on this computer only, not on others.',
    notes: {
      differs: 'The DNS server now gives another address: {{directAnswer}}.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: ['Do not change the file yourself. ' + HAND_TO_SUPPORT.en],
    admin: [
      'Check and remove the entry: open notepad {{path}} as administrator, line {{lines}}; then ipconfig /flushdns.',
      'Compare: Resolve-DnsName {{host}} -DnsOnly (without hosts file) with Resolve-DnsName {{host}}.',
      'Find out where it came from: old migration or test entries, software deployment or scripts that write the hosts file.',
    ],
  },
};
