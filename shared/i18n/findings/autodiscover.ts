import type { FindingTextTable } from '../finding-texts';

/** Texts of the section "Autodiscover". Placeholders are the args of the rules autodiscover-*.ts. */
export const de: FindingTextTable = {
  'autodiscover.not-found': {
    title: 'Outlook findet die Einstellungen für Ihr Postfach nicht (Autodiscover)',
    detail:
      'Outlook sucht seine Servereinstellungen selbst, über „Autodiscover“ unter festen Adressen Ihrer Domäne {{domain}}. Keine davon hat wie ein Exchange-Server geantwortet: {{candidates}}. ' +
      'Ohne diese Einstellungen kann Outlook kein neues Profil einrichten und ein bestehendes nicht aktualisieren. Nach Änderungen am Server bleibt Outlook dann „Getrennt“.',
    user: [
      'Prüfen Sie, ob Ihre E-Mail-Adresse richtig geschrieben ist.',
      'Sind Sie im Homeoffice oder unterwegs, verbinden Sie das Firmen-VPN (falls vorhanden) und prüfen Sie erneut.',
      'Melden Sie den Befund dem IT-Support. Die Einstellung liegt beim Server oder beim DNS Ihrer Firma.',
    ],
    admin: [
      'DNS: `Resolve-DnsName autodiscover.{{domain}}` und `Resolve-DnsName -Type SRV _autodiscover._tcp.{{domain}}`. Der Name muss intern und öffentlich auflösen und auf Exchange bzw. den Reverse Proxy zeigen.',
      'Anonymer Abruf: `Invoke-WebRequest https://autodiscover.{{domain}}/autodiscover/autodiscover.xml` muss 401 mit WWW-Authenticate liefern.',
      'Exchange: `Get-ClientAccessService | fl Name,AutoDiscoverServiceInternalUri` (SCP für Domänen-PCs) und `Get-AutodiscoverVirtualDirectory | fl Server,InternalUrl,ExternalUrl,*Authentication*`.',
      'Reverse Proxy / Firewall: Veröffentlichungsregel für /autodiscover prüfen.',
      'Gegenprobe: „E-Mail-AutoKonfiguration testen“ in Outlook (Strg + Rechtsklick auf das Outlook-Symbol im Infobereich) oder https://testconnectivity.microsoft.com.',
    ],
  },
  'autodiscover.cert-mismatch': {
    title: 'Eine Autodiscover-Adresse hat ein Zertifikat für einen anderen Namen',
    detail:
      'Unter {{url}} antwortet ein Server, dessen Zertifikat nicht für {{host}} ausgestellt ist (es nennt: {{certNames}}). Häufig ist das die normale Webseite der Firma. ' +
      'Outlook zeigt dann eine Zertifikatswarnung oder bricht die Suche nach seinen Einstellungen ab. Wer die Warnung wegklickt, bekommt sie oft immer wieder.',
    lowered:
      'Outlook 2016 und neuer übergehen diese Adresse ohne Meldung und finden die Einstellungen danach unter {{winnerUrl}}. Nur ältere Outlook-Versionen zeigen hier eine Warnung. Deshalb ist dies nur ein Hinweis.',
    user: [
      'Zeigt Outlook eine Sicherheitswarnung zu {{host}}? Klicken Sie nicht einfach auf „Ja“, sondern melden Sie die Warnung dem IT-Support.',
      'Geben Sie dem IT-Support die Adresse aus diesem Befund weiter: {{url}}.',
    ],
    admin: [
      'Zertifikat ansehen: `openssl s_client -connect {{host}}:443 -servername {{host}}` (Namen im SAN).',
      'Entweder {{host}} ins Zertifikat aufnehmen oder – meist besser – dafür sorgen, dass {{url}} nicht antwortet (kein Dienst auf 443 für diesen Namen) bzw. auf autodiscover.<Domäne> umleitet.',
      'Auf Clients lässt sich der Schritt über die Root-Domäne abschalten: HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover, ExcludeHttpsRootDomain = 1 (DWORD, per GPO unter HKCU\\Software\\Policies\\…).',
      'Das Exchange-Zertifikat muss autodiscover.<Domäne> enthalten: `Get-ExchangeCertificate | fl Subject,CertificateDomains,Services`.',
    ],
  },
  'autodiscover.http-redirect': {
    title: 'Autodiscover funktioniert nur über einen Umweg',
    detail:
      'Outlook findet seine Einstellungen erst über {{via}}, das auf {{url}} verweist. Das ist einer der letzten Wege, die Outlook versucht: ' +
      'Vorher müssen alle anderen Adressen scheitern, was die Einrichtung und jede Aktualisierung verlangsamt. Bei diesem Umweg fragt Outlook außerdem, ob der Server die Einstellungen vornehmen darf.',
    user: [
      'Fragt Outlook, ob diese Website Ihre Servereinstellungen konfigurieren darf, und gehört die Adresse zu Ihrer Firma? Dann klicken Sie auf „Zulassen“ und setzen das Häkchen „Nicht mehr zu dieser Website fragen“.',
      'Im Zweifel fragen Sie den IT-Support, ob die angezeigte Adresse stimmt.',
    ],
    admin: [
      'Gewählter Weg: {{method}} über {{via}} → {{url}}.',
      'Für den direkten Weg: DNS-Eintrag autodiscover.<Domäne> (A/CNAME) auf Exchange bzw. den Reverse Proxy und den Namen ins Zertifikat aufnehmen.',
      'Die Umleitung auf http://autodiscover.<Domäne> darf nur ein 301/302 auf https sein; SRV prüfen mit `Resolve-DnsName -Type SRV _autodiscover._tcp.<Domäne>`.',
      'Die Rückfrage lässt sich für den Zielserver abschalten: HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover\\RedirectServers, Zeichenfolgenwert mit dem Servernamen.',
    ],
  },
  'autodiscover.invalid-response': {
    title: 'Eine Autodiscover-Adresse liefert eine unbrauchbare Antwort',
    detail:
      'Unter {{url}} antwortet ein Server, aber nicht mit Einstellungen für Outlook (Antwort: {{answer}}). Meist ist das eine Webseite, die auf jede Adresse eine normale Seite ausliefert. ' +
      'Outlook kann damit nichts anfangen: Je nach Version wartet es, versucht die nächste Adresse oder bricht die Einrichtung ab.',
    user: [
      'Sie können hier selbst nichts ändern. Geben Sie dem IT-Support die Adresse weiter: {{url}}.',
      'Hängt Outlook beim Einrichten oder meldet Fehler mit den Servereinstellungen, nennen Sie diesen Befund.',
    ],
    admin: [
      'Antwort ansehen: `curl -v -X POST -H "Content-Type: text/xml" {{url}}`. Exchange antwortet anonym mit 401, nicht mit 200 und HTML.',
      'Den Webserver so einstellen, dass /autodiscover/ mit 404 antwortet; Catch-all-Regeln (CMS, Umleitung auf die Startseite) für /autodiscover ausnehmen.',
      'Ist es die Root-Domäne: Auf Clients lässt sich dieser Schritt mit HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover, ExcludeHttpsRootDomain = 1 überspringen.',
    ],
  },
};

export const en: FindingTextTable = {
  'autodiscover.not-found': {
    title: 'Outlook cannot find the settings for your mailbox (Autodiscover)',
    detail:
      'Outlook looks up its server settings by itself, through "Autodiscover" at fixed addresses of your domain {{domain}}. None of them answered like an Exchange server: {{candidates}}. ' +
      'Without these settings Outlook cannot set up a new profile or update an existing one. After changes on the server Outlook then stays "Disconnected".',
    user: [
      'Check that your e-mail address is spelled correctly.',
      'If you work from home or on the road, connect the company VPN (if there is one) and check again.',
      'Report this finding to IT support. The setting lies with your company\'s server or DNS.',
    ],
    admin: [
      'DNS: `Resolve-DnsName autodiscover.{{domain}}` and `Resolve-DnsName -Type SRV _autodiscover._tcp.{{domain}}`. The name must resolve internally and publicly and point to Exchange or the reverse proxy.',
      'Anonymous request: `Invoke-WebRequest https://autodiscover.{{domain}}/autodiscover/autodiscover.xml` must return 401 with WWW-Authenticate.',
      'Exchange: `Get-ClientAccessService | fl Name,AutoDiscoverServiceInternalUri` (SCP for domain-joined PCs) and `Get-AutodiscoverVirtualDirectory | fl Server,InternalUrl,ExternalUrl,*Authentication*`.',
      'Reverse proxy / firewall: check the publishing rule for /autodiscover.',
      'Cross-check: "Test E-mail AutoConfiguration" in Outlook (Ctrl + right-click the Outlook icon in the notification area) or https://testconnectivity.microsoft.com.',
    ],
  },
  'autodiscover.cert-mismatch': {
    title: 'An Autodiscover address has a certificate for another name',
    detail:
      'At {{url}} a server answers whose certificate is not issued for {{host}} (it names: {{certNames}}). Often this is the company\'s normal web site. ' +
      'Outlook then shows a certificate warning or gives up looking for its settings. Clicking the warning away often only brings it back.',
    lowered:
      'Outlook 2016 and newer pass over this address silently and then find the settings at {{winnerUrl}}. Only older Outlook versions show a warning here. This is therefore only a note.',
    user: [
      'Does Outlook show a security warning about {{host}}? Do not just click "Yes"; report the warning to IT support.',
      'Give IT support the address from this finding: {{url}}.',
    ],
    admin: [
      'Look at the certificate: `openssl s_client -connect {{host}}:443 -servername {{host}}` (names in the SAN).',
      'Either add {{host}} to the certificate or, usually better, make sure {{url}} does not answer (no service on 443 for this name) or redirects to autodiscover.<domain>.',
      'On clients the root-domain step can be switched off: HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover, ExcludeHttpsRootDomain = 1 (DWORD; by GPO under HKCU\\Software\\Policies\\…).',
      'The Exchange certificate must contain autodiscover.<domain>: `Get-ExchangeCertificate | fl Subject,CertificateDomains,Services`.',
    ],
  },
  'autodiscover.http-redirect': {
    title: 'Autodiscover only works by a detour',
    detail:
      'Outlook only finds its settings through {{via}}, which points to {{url}}. This is one of the last ways Outlook tries: ' +
      'all other addresses must fail first, which slows down setup and every refresh. On this detour Outlook also asks whether the server may configure the settings.',
    user: [
      'Does Outlook ask whether this web site may configure your server settings, and does the address belong to your company? Then click "Allow" and tick "Don\'t ask me about this website again".',
      'If in doubt, ask IT support whether the address shown is correct.',
    ],
    admin: [
      'Path taken: {{method}} via {{via}} → {{url}}.',
      'For the direct way: a DNS record autodiscover.<domain> (A/CNAME) pointing to Exchange or the reverse proxy, with the name on the certificate.',
      'The redirect on http://autodiscover.<domain> must only be a 301/302 to https; check SRV with `Resolve-DnsName -Type SRV _autodiscover._tcp.<domain>`.',
      'The prompt can be switched off for the target server: HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover\\RedirectServers, a string value named after the server.',
    ],
  },
  'autodiscover.invalid-response': {
    title: 'An Autodiscover address gives an unusable answer',
    detail:
      'At {{url}} a server answers, but not with settings for Outlook (answer: {{answer}}). Usually this is a web site that returns a normal page for any address. ' +
      'Outlook cannot use it: depending on the version it waits, tries the next address or gives up the setup.',
    user: [
      'You cannot change this yourself. Give IT support the address: {{url}}.',
      'If Outlook hangs during setup or reports errors with the server settings, mention this finding.',
    ],
    admin: [
      'Look at the answer: `curl -v -X POST -H "Content-Type: text/xml" {{url}}`. Exchange answers anonymously with 401, not with 200 and HTML.',
      'Configure the web server to answer /autodiscover/ with 404; exclude /autodiscover from catch-all rules (CMS, redirects to the home page).',
      'If it is the root domain: on clients this step can be skipped with HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover, ExcludeHttpsRootDomain = 1.',
    ],
  },
};
