import type { FindingTextTable } from '../finding-texts';

/** Texts of the section "Gäste-LAN/WLAN-Portal". Placeholders are the args of the rules in shared/diagnosis/rules/portal-*.ts. */
export const de: FindingTextTable = {
  'portal.detected': {
    title: 'Eine Anmeldeseite (Gäste-WLAN, Hotel) fängt die Verbindung ab',
    detail:
      'Statt des Internets antwortet eine Anmeldeseite, wie sie Hotels, Züge oder Gäste-WLANs verwenden. Geprüft wurde {{url}}, die Antwort war: {{answer}}. ' +
      'Outlook kann mit einer solchen Seite nichts anfangen: Es erwartet von Exchange die Aufforderung, sich anzumelden, bekommt aber eine Webseite. Deshalb zeigt Outlook „Getrennt“. ' +
      'Alle anderen Prüfungen sagen erst etwas aus, wenn die Anmeldeseite erledigt ist.',
    user: [
      'Öffnen Sie einen Webbrowser und rufen Sie eine beliebige Internetseite auf. Die Anmeldeseite des WLANs sollte dann erscheinen.',
      'Bestätigen Sie dort die Nutzungsbedingungen oder melden Sie sich an (zum Beispiel mit Zimmernummer oder Zugangscode).',
      'Klicken Sie danach in Outlook auf „Senden/Empfangen“ oder starten Sie Outlook neu. Führen Sie diese Prüfung anschließend noch einmal aus.',
      'Erscheint keine Anmeldeseite: Trennen Sie das WLAN, verbinden Sie sich neu, oder nutzen Sie einen anderen Internetzugang (zum Beispiel den Hotspot Ihres Diensthandys).',
    ],
    admin: [
      'Antwort der Verbindungsprüfung im Bericht: {{url}} → {{answer}} (Umleitung auf einen fremden Host oder HTML statt des erwarteten Inhalts).',
      'Windows erkennt Portale über NCSI: HKLM\\SYSTEM\\CurrentControlSet\\Services\\NlaSvc\\Parameters\\Internet (EnableActiveProbing = 1, ActiveWebProbeHost/-Path/-Content auf Standardwerten). Sind diese Werte verändert, öffnet Windows die Portalseite nicht von selbst.',
      'Always-On-VPN: Der Tunnel kann erst nach der Portalanmeldung aufgebaut werden; die Captive-Portal-Erkennung bzw. -Ausnahme des VPN-Clients prüfen.',
      'Im Firmennetz (kein Gäste-WLAN): Prüfen, ob NAC oder 802.1X-Fallback den Port in ein Gast- oder Quarantäne-VLAN mit Portal gelegt hat.',
    ],
  },
  'portal.ncsi-unreachable': {
    title: 'Die Internetprüfung von Windows schlägt fehl',
    detail:
      'Windows prüft regelmäßig über eine feste Adresse ({{url}}), ob eine Internetverbindung besteht. Diese Prüfung ist gescheitert (Antwort: {{answer}}), eine Anmeldeseite war aber nicht zu sehen. ' +
      'Windows meldet dann „Kein Internetzugriff“. Office-Programme wie Outlook richten sich danach: Sie bleiben offline oder zeigen „Getrennt“, obwohl Exchange erreichbar sein könnte.',
    notes: {
      'winhttp-proxy':
        'Auf diesem Computer ist ein WinHTTP-Proxy eingetragen ({{winhttpProxy}}). Die Internetprüfung von Windows läuft über diesen Proxy, diese Prüfung hier ging direkt. Verlangt der Proxy eine Anmeldung oder lässt er {{url}} nicht durch, meldet Windows „Kein Internetzugriff“; ist der direkte Weg nur gesperrt, kann die Prüfung von Windows über den Proxy trotzdem gelingen.',
    },
    user: [
      'Schauen Sie auf das Netzwerksymbol unten rechts: Steht dort „Kein Internetzugriff“, obwohl Webseiten im Browser funktionieren, liegt es an dieser Prüfung.',
      'Trennen Sie die Netzwerkverbindung kurz, verbinden Sie sich neu und starten Sie Outlook danach neu.',
      'Melden Sie den Befund dem IT-Support. Die Ursache liegt meist im Firmennetz (Proxy oder Firewall), nicht an Ihrem Computer.',
    ],
    admin: [
      'Abruf aus dem Client-Netz testen: `curl -v {{url}}` bzw. `Invoke-WebRequest {{url}} -UseBasicParsing` (erwartet: „Microsoft Connect Test“).',
      'NCSI nutzt den WinHTTP-Proxy, nicht den des Browsers: `netsh winhttp show proxy`. Verlangt dieser Proxy eine Anmeldung (407), scheitert die Prüfung; www.msftconnecttest.com und dns.msftncsi.com ohne Anmeldung freigeben.',
      'Registry-Werte unter HKLM\\SYSTEM\\CurrentControlSet\\Services\\NlaSvc\\Parameters\\Internet prüfen (EnableActiveProbing, ActiveWebProbeHost/-Path/-Content, ActiveDnsProbeHost/-Content). Ohne Internetzugang lassen sie sich auf einen internen Prüfserver umstellen.',
      'Firewall: ausgehendes HTTP (Port 80) zu www.msftconnecttest.com und die DNS-Auflösung von dns.msftncsi.com erlauben.',
    ],
  },
};

export const en: FindingTextTable = {
  'portal.detected': {
    title: 'A sign-in page (guest Wi-Fi, hotel) intercepts the connection',
    detail:
      'Instead of the internet, a sign-in page answers, like the ones hotels, trains or guest Wi-Fi networks use. Checked: {{url}}, answer: {{answer}}. ' +
      'Outlook cannot handle such a page: it expects Exchange to ask it to sign in, but gets a web page instead. That is why Outlook shows "Disconnected". ' +
      'The other checks only become meaningful once the sign-in page has been completed.',
    user: [
      'Open a web browser and go to any web site. The Wi-Fi sign-in page should appear.',
      'Accept the terms of use there or sign in (for example with your room number or an access code).',
      'Then click "Send/Receive" in Outlook or restart Outlook, and run this check again.',
      'If no sign-in page appears: disconnect from the Wi-Fi and reconnect, or use another internet connection (for example the hotspot of your company phone).',
    ],
    admin: [
      'Answer of the connectivity check in the report: {{url}} → {{answer}} (redirect to a foreign host, or HTML instead of the expected content).',
      'Windows detects portals through NCSI: HKLM\\SYSTEM\\CurrentControlSet\\Services\\NlaSvc\\Parameters\\Internet (EnableActiveProbing = 1, ActiveWebProbeHost/-Path/-Content at their defaults). If these were changed, Windows does not open the portal page by itself.',
      'Always-on VPN: the tunnel can only come up after the portal sign-in; check the VPN client\'s captive portal detection or exemption.',
      'On the company network (no guest Wi-Fi): check whether NAC or an 802.1X fallback moved the port into a guest or quarantine VLAN with a portal.',
    ],
  },
  'portal.ncsi-unreachable': {
    title: 'Windows\' internet check fails',
    detail:
      'Windows regularly checks a fixed address ({{url}}) to see whether there is an internet connection. This check failed (answer: {{answer}}), but no sign-in page was seen. ' +
      'Windows then reports "No internet access". Office programs such as Outlook follow that: they stay offline or show "Disconnected" although Exchange may be reachable.',
    notes: {
      'winhttp-proxy':
        'A WinHTTP proxy is set on this computer ({{winhttpProxy}}). Windows\' internet check goes through that proxy, this check went direct. If the proxy requires sign-in or does not let {{url}} through, Windows reports "No internet access"; if only the direct path is blocked, Windows\' check through the proxy may still succeed.',
    },
    user: [
      'Look at the network icon at the bottom right: if it says "No internet access" although web sites work in the browser, this check is the reason.',
      'Disconnect from the network briefly, reconnect, and then restart Outlook.',
      'Report this finding to IT support. The cause is usually in the company network (proxy or firewall), not on your computer.',
    ],
    admin: [
      'Test the request from the client network: `curl -v {{url}}` or `Invoke-WebRequest {{url}} -UseBasicParsing` (expected: "Microsoft Connect Test").',
      'NCSI uses the WinHTTP proxy, not the browser\'s: `netsh winhttp show proxy`. If that proxy requires sign-in (407), the check fails; allow www.msftconnecttest.com and dns.msftncsi.com without authentication.',
      'Check the registry values under HKLM\\SYSTEM\\CurrentControlSet\\Services\\NlaSvc\\Parameters\\Internet (EnableActiveProbing, ActiveWebProbeHost/-Path/-Content, ActiveDnsProbeHost/-Content). Without internet access they can point to an internal probe server.',
      'Firewall: allow outgoing HTTP (port 80) to www.msftconnecttest.com and name resolution of dns.msftncsi.com.',
    ],
  },
};
