import type { FindingTextTable } from '../finding-texts';

/** Texts of the section "Proxy" (including TLS inspection). Placeholders are the args of the rules proxy-*.ts and tls-intercepted.ts. */
export const de: FindingTextTable = {
  'tls.intercepted': {
    title: 'Die verschlüsselte Verbindung wird unterwegs aufgebrochen (TLS-Inspektion)',
    detail:
      'Das Zertifikat, das dieser Computer für {{host}} sieht, stammt von „{{issuer}}“ und nicht vom Aussteller des Exchange-Servers. ' +
      'Ein Proxy, eine Firewall oder ein Virenschutz entschlüsselt die Verbindung, prüft sie und verschlüsselt sie mit einem eigenen Zertifikat neu. ' +
      'Outlook funktioniert damit nur, wenn dieses Zertifikat als vertrauenswürdig gilt und das Gerät die langen Outlook-Verbindungen unverändert weitergibt. Sonst zeigt Outlook Zertifikatswarnungen oder „Getrennt“.',
    notes: {
      'same-name-other-key':
        'Der Aussteller trägt zwar denselben Namen wie direkt gesehen, hat aber einen anderen Schlüssel (SHA-256 des öffentlichen Schlüssels über den Proxy: {{issuerKey}}, direkt: {{directIssuerKey}}): Eine fremde Zertifizierungsstelle gibt sich als die echte aus.',
    },
    user: [
      'Fragen Sie den IT-Support, ob auf Ihrem Computer oder im Netz eine HTTPS-Prüfung aktiv ist (in Virenschutzprogrammen heißt sie oft „Verschlüsselte Verbindungen prüfen“).',
      'Schalten Sie eine solche Funktion nicht selbst ab, wenn Ihre Firma sie vorschreibt. Melden Sie stattdessen diesen Befund.',
      'Auf einem privaten Computer: Nehmen Sie {{host}} in Ihrem Virenschutz von der HTTPS-Prüfung aus, oder schalten Sie die Funktion testweise ab und starten Sie Outlook neu.',
    ],
    admin: [
      'Kette direkt und über den Proxy vergleichen: `openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts` bzw. zusätzlich `-proxy <proxy>:<port>`. Aussteller auf diesem Weg: {{issuer}}.',
      'Exchange-Namen (Autodiscover, /mapi, /rpc, /EWS) und bei Exchange Online die Microsoft-365-Anmeldeendpunkte von der TLS-Inspektion ausnehmen (SSL-Bypass- bzw. No-Decrypt-Regel). Microsoft rät davon ab, Microsoft-365-Verkehr zu inspizieren.',
      'Wenn die Inspektion bleiben muss: Die Inspektions-CA per GPO in „Vertrauenswürdige Stammzertifizierungsstellen“ aller Clients verteilen; das Gerät muss RPC_IN_DATA/RPC_OUT_DATA und lange, gestreamte MAPI-Anfragen ungepuffert durchlassen.',
      'Desktop-Virenschutz (z. B. Kaspersky, ESET, Avast, Bitdefender): die Prüfung verschlüsselter Verbindungen zentral für die Exchange-Namen abschalten.',
    ],
  },
  'proxy.configured': {
    title: 'Für Exchange ist ein Proxy eingestellt',
    detail:
      'Verbindungen zu {{host}} laufen nicht direkt, sondern über den Proxy {{proxy}} (Einstellung aus: {{source}}). Das ist in vielen Firmen normal. ' +
      'Wenn Outlook „Getrennt“ zeigt, gehört der Proxy aber zu den ersten Verdächtigen: Er muss die Verbindung zu Exchange ohne eigene Anmeldung und ohne Eingriffe durchlassen.',
    user: [
      'Sie müssen hier nichts tun. Der Hinweis hilft dem IT-Support, den Weg der Verbindung nachzuvollziehen.',
      'Sind Sie gerade nicht im Firmennetz (zum Beispiel zu Hause) und Outlook zeigt „Getrennt“? Sehen Sie unter Einstellungen > Netzwerk und Internet > Proxy nach, ob dort ein Proxy fest eingetragen ist, und sagen Sie es dem IT-Support.',
    ],
    admin: [
      'Benutzereinstellung (WinINET): HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings (ProxyEnable, ProxyServer, ProxyOverride, AutoConfigURL); Maschineneinstellung: `netsh winhttp show proxy`.',
      'Prüfen, ob die Exchange-Namen ({{host}}, autodiscover.<Domäne>) in die Ausnahmeliste (ProxyOverride bzw. PAC-Regel „DIRECT“) gehören, damit Outlook im Firmennetz direkt verbindet.',
      'Notebooks unterwegs: Ein fest eingetragener interner Proxy ist außerhalb des Firmennetzes nicht erreichbar. Besser PAC/WPAD mit „DIRECT“ als Ausweichweg verwenden.',
    ],
  },
  'proxy.auth-required': {
    title: 'Der Proxy verlangt eine Anmeldung, bevor er zu Exchange verbindet',
    detail:
      'Der Proxy {{proxy}} lässt die Verbindung zu {{host}} erst nach einer Anmeldung am Proxy zu (Antwort 407, angebotene Verfahren: {{methods}}). ' +
      'Outlook kann sich für seine dauerhaften Verbindungen zu Exchange oft nicht am Proxy anmelden. Die Verbindung scheitert dann schon dort, und Outlook zeigt „Getrennt“ oder fragt immer wieder nach einem Kennwort.',
    user: [
      'Öffnen Sie einen Webbrowser. Erscheint dort eine Anmeldung für den Proxy, melden Sie sich an und starten Sie Outlook danach neu.',
      'Fragt Outlook wiederholt nach einem Kennwort, geben Sie Ihr Windows-Kennwort ein und setzen Sie das Häkchen „Anmeldedaten speichern“.',
      'Geben Sie dem IT-Support den Namen des Proxys weiter: {{proxy}}.',
    ],
    admin: [
      'Die Exchange-Namen ({{host}}, autodiscover.<Domäne>) auf dem Proxy von der Authentifizierung ausnehmen oder per PAC/ProxyOverride direkt leiten.',
      'Bietet der Proxy nur Basic an, kann Windows die Anmeldung nicht selbst erledigen; Negotiate/NTLM am Proxy aktivieren, damit die Windows-Anmeldung genügt.',
      'Test: `curl -v -x http://{{proxy}} https://{{host}}/mapi/` zeigt 407 und Proxy-Authenticate; mit `--proxy-negotiate -U :` bzw. `--proxy-ntlm` prüfen, ob die Windows-Anmeldung akzeptiert wird.',
      'Der WinHTTP-Proxy (`netsh winhttp show proxy`) gilt für Windows-Dienste und Teile der Office-Anmeldung; auch dort die Ausnahmen pflegen.',
    ],
  },
  'proxy.connect-blocked': {
    title: 'Der Proxy lässt keine Verbindung zu Exchange zu',
    detail:
      'Über den Proxy {{proxy}} kommt keine Verbindung zu {{host}} auf Port {{port}} zustande (Antwort: {{answer}}). ' +
      'Der Proxy sperrt die Adresse, erreicht den Exchange-Server selbst nicht oder ist von hier aus nicht erreichbar. Outlook hat damit keinen Weg zu Exchange und zeigt „Getrennt“.',
    user: [
      'Prüfen Sie, ob Internetseiten im Browser funktionieren. Wenn nicht, verbinden Sie sich neu mit dem Netzwerk oder starten Sie den Computer neu.',
      'Sind Sie außerhalb des Firmennetzes, verbinden Sie das Firmen-VPN (falls vorhanden) und prüfen Sie erneut.',
      'Melden Sie dem IT-Support den Proxy ({{proxy}}) und die Antwort ({{answer}}).',
    ],
    admin: [
      'Proxy-Log für CONNECT {{host}}:{{port}} prüfen: URL-/Kategoriefilter, erlaubte Ports für CONNECT (z. B. Squid `http_access deny CONNECT !SSL_ports`), Ziel-ACLs.',
      'Antwort 502/504: Der Proxy selbst erreicht {{host}} nicht (DNS des Proxys, Firewall hinter dem Proxy, interne Adresse).',
      'Keine Antwort: Der Proxy ist aus diesem Netz nicht erreichbar (fest eingetragener interner Proxy unterwegs). PAC mit „DIRECT“ als Ausweichweg oder eine Ausnahme verwenden; Internetoptionen und `netsh winhttp show proxy` prüfen.',
      'Test: `curl -v -x http://{{proxy}} https://{{host}}/`.',
    ],
  },
  'proxy.pac-failed': {
    title: 'Die automatische Proxy-Konfiguration (PAC-Datei) funktioniert nicht',
    detail:
      'Windows soll die Proxy-Einstellungen aus der Datei {{pacUrl}} lesen. Das hat nicht geklappt ({{reason}}). ' +
      'Windows verbindet dann direkt oder über eine andere Einstellung. Im Firmennetz ist der direkte Weg oft gesperrt. Outlook kann dadurch zeitweise oder dauerhaft „Getrennt“ sein, besonders nach einem Netzwerkwechsel.',
    user: [
      'Verbinden Sie sich neu mit dem Netzwerk oder starten Sie den Computer neu, und prüfen Sie erneut.',
      'Sind Sie unterwegs, verbinden Sie das Firmen-VPN (falls vorhanden). Die PAC-Datei ist oft nur im Firmennetz erreichbar.',
      'Melden Sie dem IT-Support die Adresse der PAC-Datei: {{pacUrl}}.',
    ],
    admin: [
      'Abruf aus dem Client-Netz testen: `curl -v {{pacUrl}}` bzw. `Invoke-WebRequest {{pacUrl}}`. Der Abruf darf keine Anmeldung verlangen (MIME-Typ application/x-ns-proxy-autoconfig).',
      'Skript prüfen: FindProxyForURL muss für jede URL einen Text wie „PROXY host:port; DIRECT“ zurückgeben; keine Endlosschleifen, keine langsamen Namensauflösungen (isResolvable/dnsResolve auf externe Namen).',
      'WPAD: DHCP-Option 252 und den DNS-Namen wpad.<Domäne> prüfen; Windows merkt sich Ergebnisse im Dienst „WinHTTP Web Proxy Auto-Discovery“ (WinHttpAutoProxySvc).',
      'Einstellung: HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\AutoConfigURL und „Einstellungen automatisch erkennen“ in den Internetoptionen.',
    ],
  },
};

export const en: FindingTextTable = {
  'tls.intercepted': {
    title: 'The encrypted connection is broken open on the way (TLS inspection)',
    detail:
      'The certificate this computer sees for {{host}} comes from "{{issuer}}", not from the issuer of the Exchange server. ' +
      'A proxy, a firewall or an antivirus program decrypts the connection, inspects it and encrypts it again with its own certificate. ' +
      'Outlook only works with that if this certificate is trusted and the device passes Outlook\'s long-running connections through unchanged. Otherwise Outlook shows certificate warnings or "Disconnected".',
    notes: {
      'same-name-other-key':
        'The issuer carries the same name as seen directly, but another key (SHA-256 of the public key through the proxy: {{issuerKey}}, directly: {{directIssuerKey}}): a foreign certification authority poses as the real one.',
    },
    user: [
      'Ask IT support whether HTTPS inspection is active on your computer or in the network (antivirus programs often call it "scan encrypted connections").',
      'Do not switch such a feature off yourself if your company requires it. Report this finding instead.',
      'On a private computer: exclude {{host}} from HTTPS scanning in your antivirus program, or switch the feature off for a test and restart Outlook.',
    ],
    admin: [
      'Compare the chain directly and through the proxy: `openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts`, and with `-proxy <proxy>:<port>`. Issuer on this path: {{issuer}}.',
      'Exempt the Exchange names (Autodiscover, /mapi, /rpc, /EWS) and, with Exchange Online, the Microsoft 365 sign-in endpoints from TLS inspection (SSL bypass / no-decrypt rule). Microsoft advises against inspecting Microsoft 365 traffic.',
      'If inspection must stay: deploy the inspection CA by GPO into "Trusted Root Certification Authorities" on all clients; the device must pass RPC_IN_DATA/RPC_OUT_DATA and long, streamed MAPI requests without buffering.',
      'Desktop antivirus (e.g. Kaspersky, ESET, Avast, Bitdefender): switch off scanning of encrypted connections for the Exchange names centrally.',
    ],
  },
  'proxy.configured': {
    title: 'A proxy is set for Exchange',
    detail:
      'Connections to {{host}} do not go directly but through the proxy {{proxy}} (setting from: {{source}}). That is normal in many companies. ' +
      'When Outlook shows "Disconnected", the proxy is one of the first suspects, though: it must pass the connection to Exchange through without its own sign-in and without interfering.',
    user: [
      'You do not need to do anything. This note helps IT support follow the path of the connection.',
      'Are you outside the company network (for example at home) and Outlook shows "Disconnected"? Look under Settings > Network & internet > Proxy whether a proxy is entered there, and tell IT support.',
    ],
    admin: [
      'User setting (WinINET): HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings (ProxyEnable, ProxyServer, ProxyOverride, AutoConfigURL); machine setting: `netsh winhttp show proxy`.',
      'Check whether the Exchange names ({{host}}, autodiscover.<domain>) belong on the bypass list (ProxyOverride or a PAC rule returning "DIRECT") so that Outlook connects directly inside the company.',
      'Notebooks on the road: a fixed internal proxy cannot be reached outside the company network. Prefer PAC/WPAD with "DIRECT" as fallback.',
    ],
  },
  'proxy.auth-required': {
    title: 'The proxy requires a sign-in before it connects to Exchange',
    detail:
      'The proxy {{proxy}} only allows the connection to {{host}} after a sign-in at the proxy (answer 407, offered methods: {{methods}}). ' +
      'Outlook often cannot sign in to a proxy for its long-running connections to Exchange. The connection then fails right there, and Outlook shows "Disconnected" or keeps asking for a password.',
    user: [
      'Open a web browser. If a proxy sign-in appears, sign in and then restart Outlook.',
      'If Outlook keeps asking for a password, enter your Windows password and tick "Remember my credentials".',
      'Tell IT support the name of the proxy: {{proxy}}.',
    ],
    admin: [
      'Exempt the Exchange names ({{host}}, autodiscover.<domain>) from authentication on the proxy, or route them directly by PAC/ProxyOverride.',
      'If the proxy offers only Basic, Windows cannot sign in by itself; enable Negotiate/NTLM on the proxy so that the Windows sign-in suffices.',
      'Test: `curl -v -x http://{{proxy}} https://{{host}}/mapi/` shows the 407 and Proxy-Authenticate; use `--proxy-negotiate -U :` or `--proxy-ntlm` to check whether the Windows sign-in is accepted.',
      'The WinHTTP proxy (`netsh winhttp show proxy`) applies to Windows services and parts of the Office sign-in; maintain the exemptions there too.',
    ],
  },
  'proxy.connect-blocked': {
    title: 'The proxy does not allow a connection to Exchange',
    detail:
      'No connection to {{host}} on port {{port}} can be made through the proxy {{proxy}} (answer: {{answer}}). ' +
      'The proxy blocks the address, cannot reach the Exchange server itself, or cannot be reached from here. Outlook has no way to Exchange and shows "Disconnected".',
    user: [
      'Check whether web sites work in the browser. If not, reconnect to the network or restart the computer.',
      'If you are outside the company network, connect the company VPN (if there is one) and check again.',
      'Tell IT support the proxy ({{proxy}}) and the answer ({{answer}}).',
    ],
    admin: [
      'Check the proxy log for CONNECT {{host}}:{{port}}: URL/category filters, ports allowed for CONNECT (e.g. Squid `http_access deny CONNECT !SSL_ports`), destination ACLs.',
      'Answer 502/504: the proxy itself cannot reach {{host}} (the proxy\'s DNS, a firewall behind the proxy, an internal address).',
      'No answer: the proxy cannot be reached from this network (a fixed internal proxy on the road). Use PAC with "DIRECT" as fallback or an exemption; check Internet Options and `netsh winhttp show proxy`.',
      'Test: `curl -v -x http://{{proxy}} https://{{host}}/`.',
    ],
  },
  'proxy.pac-failed': {
    title: 'The automatic proxy configuration (PAC file) does not work',
    detail:
      'Windows is meant to read its proxy settings from {{pacUrl}}. That failed ({{reason}}). ' +
      'Windows then connects directly or through another setting. In a company network the direct way is often blocked. Outlook can therefore be "Disconnected" at times or all the time, especially after a network change.',
    user: [
      'Reconnect to the network or restart the computer, and check again.',
      'If you are on the road, connect the company VPN (if there is one). The PAC file is often only reachable inside the company network.',
      'Tell IT support the address of the PAC file: {{pacUrl}}.',
    ],
    admin: [
      'Test the download from the client network: `curl -v {{pacUrl}}` or `Invoke-WebRequest {{pacUrl}}`. It must not require a sign-in (MIME type application/x-ns-proxy-autoconfig).',
      'Check the script: FindProxyForURL must return a string like "PROXY host:port; DIRECT" for every URL; no endless loops, no slow name lookups (isResolvable/dnsResolve on external names).',
      'WPAD: check DHCP option 252 and the DNS name wpad.<domain>; Windows caches results in the "WinHTTP Web Proxy Auto-Discovery" service (WinHttpAutoProxySvc).',
      'Setting: HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\AutoConfigURL and "Automatically detect settings" in Internet Options.',
    ],
  },
};
