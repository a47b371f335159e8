import type { FindingTextTable } from '../finding-texts';

/** Texts of the section "Exchange-Server". Placeholders are the args of the rules server-*.ts. */
export const de: FindingTextTable = {
  'server.backend-error': {
    title: 'Exchange meldet einen internen Serverfehler',
    detail:
      'Exchange unter {{host}} antwortet mit „Interner Serverfehler“ (HTTP 500): {{endpoints}}. Der Server ist erreichbar, kann die Anfrage intern aber nicht bearbeiten. ' +
      'Häufigste Ursache: Der vordere Teil von Exchange erreicht den hinteren Teil (die Back-End-Website auf Port 444) nicht, etwa nach einem Zertifikatswechsel. Outlook kann das Postfach dann nicht öffnen und zeigt „Getrennt“.',
    lowered:
      'Die Postfachverbindung selbst (/mapi bzw. /rpc) antwortet normal. Outlook bleibt deshalb verbunden; betroffen sind andere Dienste wie Outlook im Web, Abwesenheitsnotizen oder Frei/Gebucht-Zeiten. Deshalb nur eine Warnung.',
    user: [
      'Am Computer lässt sich das nicht beheben. Melden Sie den Befund mit der Uhrzeit der Prüfung dem IT-Support.',
      'Fragen Sie Kolleginnen und Kollegen, ob Outlook bei ihnen auch „Getrennt“ zeigt. Dann liegt es sicher am Server.',
    ],
    admin: [
      'IIS-Manager auf dem Exchange-Server: Website „Exchange Back End“, Bindung https auf Port 444. Dort muss das selbstsignierte Zertifikat „Microsoft Exchange“ ausgewählt sein (nicht das öffentliche Zertifikat, nicht leer). Danach `iisreset`.',
      'Zertifikate: `Get-ExchangeCertificate | fl FriendlyName,Subject,Thumbprint,NotAfter,Services`. Ist „Microsoft Exchange“ abgelaufen oder gelöscht, neu erzeugen (`New-ExchangeCertificate`) und an Port 444 binden.',
      'Ereignisanzeige (Anwendung, Quellen MSExchange*) und IIS-Logs von Front End (W3SVC1) und Back End (W3SVC2) zur Zeit des Fehlers; die Header X-FEServer/X-BEServer im Bericht zeigen den betroffenen Server.',
      'Startet auch die Exchange-Verwaltungsshell nicht, spricht das stark für die Back-End-Bindung.',
    ],
  },
  'server.unavailable': {
    title: 'Exchange ist zurzeit nicht verfügbar',
    detail:
      'Unter {{host}} melden der Server oder ein vorgeschalteter Loadbalancer „Dienst nicht verfügbar“ oder eine fehlgeschlagene Zustandsprüfung: {{endpoints}}. ' +
      'Dahinter ist kein funktionierender Exchange-Server erreichbar – etwa wegen einer Wartung, eines gestoppten Dienstes oder weil der Loadbalancer alle Server für ausgefallen hält. Outlook zeigt dann „Getrennt“.',
    notes: {
      'no-answer':
        'Bei den mit „timeout“ markierten Adressen kam gar keine Antwort: Die verschlüsselte Verbindung (TLS) wurde aufgebaut, die Anfrage gesendet, und dann blieb es still – auch nach {{waitedSeconds, number}} Sekunden noch. ' +
        'Der Server oder ein Gerät davor (Loadbalancer, Reverse Proxy) nimmt die Verbindung an, kann die Anfrage aber nirgendwohin weitergeben. Outlook wartet dann vergeblich und zeigt „Getrennt“.',
    },
    lowered:
      'Die Postfachverbindung selbst (/mapi bzw. /rpc) antwortet normal. Outlook bleibt deshalb verbunden; betroffen sind andere Dienste. Deshalb nur eine Warnung.',
    user: [
      'Warten Sie einige Minuten und prüfen Sie dann erneut – oft ist das eine Wartung.',
      'Fragen Sie Kolleginnen und Kollegen, ob Outlook bei ihnen auch „Getrennt“ zeigt, und melden Sie den Befund dem IT-Support.',
    ],
    admin: [
      'Komponentenstatus: `Get-ServerComponentState <Server>` (alle Active, besonders ServerWideOffline und HttpProxy*), `Get-HealthReport <Server> | ? AlertValue -ne Healthy`.',
      'Zustandsprüfung je Protokoll: https://<Server>/mapi/healthcheck.htm, /rpc/healthcheck.htm, /ews/healthcheck.htm (200 = gesund).',
      'Loadbalancer: Pool-Mitglieder und Health Monitor prüfen (Ziel sollte healthcheck.htm des jeweiligen Protokolls sein); im IIS gestoppte Anwendungspools (z. B. MSExchangeMapiFrontEndAppPool) suchen.',
      'Nach einer Wartung vergessen? `Set-ServerComponentState <Server> -Component ServerWideOffline -State Active -Requester Maintenance`.',
      'Kommt nach dem TLS-Handshake gar keine Antwort: am Loadbalancer bzw. Reverse Proxy prüfen, ob der Pool noch ein erreichbares Mitglied hat und wohin er weiterleitet (Back-End-Port, Firewall zwischen Loadbalancer und Exchange); `curl -v https://<Name>/mapi/healthcheck.htm --resolve <Name>:443:<Adresse>` je Adresse.',
    ],
  },
  'server.protocol-missing': {
    title: 'Ein Outlook-Zugang ist auf dem Server nicht eingerichtet',
    detail:
      'Unter {{host}} antwortet der Server auf eine Outlook-Adresse mit „Nicht gefunden“ (HTTP 404): {{endpoints}}. Das Protokoll ist abgeschaltet, das virtuelle Verzeichnis fehlt, oder ein Reverse Proxy veröffentlicht die Adresse nicht. ' +
      'Fehlt MAPI über HTTP, weicht Outlook auf das ältere RPC über HTTP aus; fehlen beide, bleibt Outlook „Getrennt“.',
    lowered:
      'MAPI über HTTP funktioniert, und Outlook nutzt es bevorzugt. RPC über HTTP (Outlook Anywhere) braucht Outlook nur als Ausweichweg – Exchange Online bietet es gar nicht an. Deshalb nur ein Hinweis.',
    user: ['Am Computer lässt sich das nicht beheben. Melden Sie den Befund dem IT-Support.'],
    admin: [
      'MAPI über HTTP: `Get-OrganizationConfig | fl MapiHttpEnabled` und `Get-MapiVirtualDirectory | fl Server,InternalUrl,ExternalUrl`; fehlt das Verzeichnis, mit `New-MapiVirtualDirectory` anlegen.',
      'Outlook Anywhere: `Get-OutlookAnywhere | fl Server,InternalHostname,ExternalHostname`; im IIS die Anwendungen /mapi und /rpc unter „Default Web Site“ prüfen.',
      'Reverse Proxy / WAF: Veröffentlichungsregeln für /mapi/* und /rpc/* prüfen.',
      'Antworten alle Pfade mit 404, zeigt der Name vermutlich gar nicht auf Exchange (z. B. auf den Webserver der Firma): DNS-Eintrag prüfen.',
    ],
  },
  'server.rpc-methods-blocked': {
    title: 'Ein Gerät im Netz blockiert Outlook Anywhere (RPC über HTTP)',
    detail:
      'Outlook Anywhere verwendet die besonderen Anfragearten RPC_IN_DATA und RPC_OUT_DATA. Bei {{host}} werden sie abgelehnt ({{endpoints}}) – meist von einem Reverse Proxy, einer Firewall oder einem WAN-Optimierer, der nur gewöhnliche Web-Anfragen kennt. ' +
      'Über diesen Weg kann Outlook keine Verbindung halten; steht MAPI über HTTP nicht zur Verfügung, bleibt es „Getrennt“.',
    lowered: 'MAPI über HTTP funktioniert, und Outlook nutzt es bevorzugt; RPC über HTTP ist nur der Ausweichweg. Deshalb nur ein Hinweis.',
    user: ['Am Computer lässt sich das nicht beheben. Melden Sie den Befund dem IT-Support.'],
    admin: [
      'Test: `curl -v -X RPC_IN_DATA https://{{host}}/rpc/rpcproxy.dll` – erwartet 401 von Exchange, nicht 405 oder 501.',
      'Reverse Proxy / WAF / Firewall: die Methoden RPC_IN_DATA und RPC_OUT_DATA für /rpc/rpcproxy.dll erlauben, Anfragen nicht puffern (Content-Length von 1 GB ist bei RPC über HTTP normal), Leerlauf-Timeouts großzügig einstellen.',
      'Wenn möglich MAPI über HTTP nutzen: `Get-OrganizationConfig | fl MapiHttpEnabled`; auf dem Client darf HKCU\\Software\\Microsoft\\Exchange\\MapiHttpDisabled nicht 1 sein.',
    ],
  },
  'server.mapi-blocked-external': {
    title: 'Outlook ist für dieses Postfach außerhalb des Firmennetzes gesperrt',
    detail:
      'Der Anmeldetest zeigt: Für das Postfach von {{user}} erlaubt {{host}} außerhalb des Firmennetzes keine Outlook-Verbindung. MAPI über HTTP ist von außen gesperrt, und RPC über HTTP ist ebenfalls abgeschaltet. ' +
      'Das ist eine bewusste Einstellung der Administratoren, kein Netzwerkfehler. Außerhalb des Firmennetzes zeigt Outlook deshalb „Getrennt“; im Firmennetz oder über VPN funktioniert es.',
    user: [
      'Verbinden Sie das Firmen-VPN (falls vorhanden) oder arbeiten Sie im Firmennetz – dann verbindet sich Outlook.',
      'Unterwegs können Sie Ihre E-Mails in Outlook im Web im Browser lesen, wenn Ihre Firma das erlaubt.',
      'Wenn Sie Outlook auch außerhalb nutzen müssen, fragen Sie den IT-Support nach einer Freigabe.',
    ],
    admin: [
      'Einstellung ansehen: `Get-CASMailbox <Benutzer> | fl MAPIBlockOutlookExternalConnectivity,MAPIBlockOutlookRpcHttp`.',
      'Freigeben: `Set-CASMailbox <Benutzer> -MAPIBlockOutlookExternalConnectivity $false` (und ggf. `-MAPIBlockOutlookRpcHttp $false`). Outlook übernimmt das erst nach der nächsten Autodiscover-Aktualisierung bzw. einem Neustart.',
      'Die Sperre entfernt die externen Adressen aus der Autodiscover-Antwort des Postfachs; sie kann daher auch andere Programme treffen (z. B. Outlook für Mac über EWS).',
    ],
  },
};

export const en: FindingTextTable = {
  'server.backend-error': {
    title: 'Exchange reports an internal server error',
    detail:
      'Exchange at {{host}} answers "Internal Server Error" (HTTP 500): {{endpoints}}. The server can be reached but cannot process the request internally. ' +
      'The most common cause: the front part of Exchange cannot reach its back part (the back end web site on port 444), for example after a certificate change. Outlook then cannot open the mailbox and shows "Disconnected".',
    lowered:
      'The mailbox connection itself (/mapi or /rpc) answers normally. Outlook therefore stays connected; other services such as Outlook on the web, out-of-office replies or free/busy times are affected. This is therefore only a warning.',
    user: [
      'This cannot be fixed on the computer. Report this finding to IT support with the time of the check.',
      'Ask colleagues whether Outlook shows "Disconnected" for them too. Then it is certainly the server.',
    ],
    admin: [
      'IIS Manager on the Exchange server: site "Exchange Back End", https binding on port 444. The self-signed certificate "Microsoft Exchange" must be selected there (not the public certificate, not empty). Then `iisreset`.',
      'Certificates: `Get-ExchangeCertificate | fl FriendlyName,Subject,Thumbprint,NotAfter,Services`. If "Microsoft Exchange" has expired or was deleted, create a new one (`New-ExchangeCertificate`) and bind it to port 444.',
      'Event Viewer (Application, MSExchange* sources) and IIS logs of the front end (W3SVC1) and back end (W3SVC2) at the time of the error; the X-FEServer/X-BEServer headers in the report show the server affected.',
      'If the Exchange Management Shell does not start either, the back end binding is the prime suspect.',
    ],
  },
  'server.unavailable': {
    title: 'Exchange is currently unavailable',
    detail:
      'At {{host}} the server or a load balancer in front reports "Service Unavailable" or a failed health check: {{endpoints}}. ' +
      'No working Exchange server can be reached behind it – because of maintenance, a stopped service, or because the load balancer considers all servers down. Outlook then shows "Disconnected".',
    notes: {
      'no-answer':
        'The addresses marked "timeout" gave no answer at all: the encrypted connection (TLS) was set up, the request was sent, and then nothing came – not even after {{waitedSeconds, number}} seconds. ' +
        'The server or a device in front of it (load balancer, reverse proxy) accepts the connection but cannot pass the request on to anything. Outlook then waits in vain and shows "Disconnected".',
    },
    lowered:
      'The mailbox connection itself (/mapi or /rpc) answers normally. Outlook therefore stays connected; other services are affected. This is therefore only a warning.',
    user: [
      'Wait a few minutes and check again – often this is maintenance.',
      'Ask colleagues whether Outlook shows "Disconnected" for them too, and report this finding to IT support.',
    ],
    admin: [
      'Component state: `Get-ServerComponentState <server>` (all Active, especially ServerWideOffline and HttpProxy*), `Get-HealthReport <server> | ? AlertValue -ne Healthy`.',
      'Health check per protocol: https://<server>/mapi/healthcheck.htm, /rpc/healthcheck.htm, /ews/healthcheck.htm (200 = healthy).',
      'Load balancer: check pool members and the health monitor (it should target the protocol\'s healthcheck.htm); look for stopped application pools in IIS (e.g. MSExchangeMapiFrontEndAppPool).',
      'Forgotten after maintenance? `Set-ServerComponentState <server> -Component ServerWideOffline -State Active -Requester Maintenance`.',
      'No answer at all after the TLS handshake: check on the load balancer or reverse proxy whether its pool still has a reachable member and where it forwards to (back-end port, firewall between load balancer and Exchange); `curl -v https://<name>/mapi/healthcheck.htm --resolve <name>:443:<address>` per address.',
    ],
  },
  'server.protocol-missing': {
    title: 'An Outlook access path is not set up on the server',
    detail:
      'At {{host}} the server answers an Outlook address with "Not Found" (HTTP 404): {{endpoints}}. The protocol is switched off, the virtual directory is missing, or a reverse proxy does not publish the address. ' +
      'Without MAPI over HTTP Outlook falls back to the older RPC over HTTP; without both, Outlook stays "Disconnected".',
    lowered:
      'MAPI over HTTP works and Outlook prefers it. Outlook needs RPC over HTTP (Outlook Anywhere) only as a fallback – Exchange Online does not offer it at all. This is therefore only a note.',
    user: ['This cannot be fixed on the computer. Report this finding to IT support.'],
    admin: [
      'MAPI over HTTP: `Get-OrganizationConfig | fl MapiHttpEnabled` and `Get-MapiVirtualDirectory | fl Server,InternalUrl,ExternalUrl`; if the directory is missing, create it with `New-MapiVirtualDirectory`.',
      'Outlook Anywhere: `Get-OutlookAnywhere | fl Server,InternalHostname,ExternalHostname`; in IIS check the applications /mapi and /rpc under "Default Web Site".',
      'Reverse proxy / WAF: check the publishing rules for /mapi/* and /rpc/*.',
      'If every path answers 404, the name probably does not point to Exchange at all (e.g. to the company web server): check the DNS record.',
    ],
  },
  'server.rpc-methods-blocked': {
    title: 'A device in the network blocks Outlook Anywhere (RPC over HTTP)',
    detail:
      'Outlook Anywhere uses the special request methods RPC_IN_DATA and RPC_OUT_DATA. At {{host}} they are rejected ({{endpoints}}) – usually by a reverse proxy, a firewall or a WAN optimiser that only knows ordinary web requests. ' +
      'Outlook cannot keep a connection this way; if MAPI over HTTP is not available, it stays "Disconnected".',
    lowered: 'MAPI over HTTP works and Outlook prefers it; RPC over HTTP is only the fallback. This is therefore only a note.',
    user: ['This cannot be fixed on the computer. Report this finding to IT support.'],
    admin: [
      'Test: `curl -v -X RPC_IN_DATA https://{{host}}/rpc/rpcproxy.dll` – expected 401 from Exchange, not 405 or 501.',
      'Reverse proxy / WAF / firewall: allow the methods RPC_IN_DATA and RPC_OUT_DATA for /rpc/rpcproxy.dll, do not buffer requests (a Content-Length of 1 GB is normal for RPC over HTTP), set generous idle timeouts.',
      'Use MAPI over HTTP where possible: `Get-OrganizationConfig | fl MapiHttpEnabled`; on the client HKCU\\Software\\Microsoft\\Exchange\\MapiHttpDisabled must not be 1.',
    ],
  },
  'server.mapi-blocked-external': {
    title: 'Outlook is blocked for this mailbox outside the company network',
    detail:
      'The sign-in test shows: for the mailbox of {{user}}, {{host}} does not allow an Outlook connection from outside the company network. MAPI over HTTP is blocked from outside, and RPC over HTTP is switched off as well. ' +
      'This is a deliberate setting of the administrators, not a network fault. Outside the company network Outlook therefore shows "Disconnected"; inside it or over VPN it works.',
    user: [
      'Connect the company VPN (if there is one) or work inside the company network – then Outlook connects.',
      'On the road you can read your e-mail in Outlook on the web in the browser, if your company allows it.',
      'If you need Outlook outside the company network too, ask IT support to allow it.',
    ],
    admin: [
      'Look at the setting: `Get-CASMailbox <user> | fl MAPIBlockOutlookExternalConnectivity,MAPIBlockOutlookRpcHttp`.',
      'Allow it: `Set-CASMailbox <user> -MAPIBlockOutlookExternalConnectivity $false` (and if needed `-MAPIBlockOutlookRpcHttp $false`). Outlook picks this up only after the next Autodiscover refresh or a restart.',
      'The block removes the external URLs from the mailbox\'s Autodiscover answer; it can therefore hit other programs too (e.g. Outlook for Mac over EWS).',
    ],
  },
};
