import type { FindingTextTable } from '../finding-texts';
import { AUTODISCOVER_ONLY, DO_NOT_CONFIRM_CERT_WARNINGS, HAND_TO_SUPPORT } from './common-notes';

/** Section `tls`: handshake, protocol versions, certificate names, dates, chain and keys. */
export const de: FindingTextTable = {
  'tls.handshake-failed': {
    title: 'Sichere Verbindung kommt nicht zustande',
    detail:
      'Die Verbindung zu {{host}} ({{address}}) steht, aber die Verschlüsselung lässt sich nicht aushandeln. Outlook spricht mit Exchange nur verschlüsselt. Ohne diesen Schritt kann es sich nicht verbinden und zeigt „Getrennt“.',
    notes: {
      cut: 'Die Verbindung wurde mitten im Aushandeln abgebrochen. Das tun oft Geräte zwischen Computer und Server, etwa eine Firewall, ein Proxy oder eine Schutzsoftware.',
      stalled: 'Die Gegenseite hat nicht mehr geantwortet. Ein häufiger Grund sind große Datenpakete, die unterwegs hängen bleiben.',
      rejected: 'Die Gegenseite hat abgelehnt. Computer und Server haben vermutlich kein gemeinsames Verschlüsselungsverfahren.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Öffnen Sie im Browser https://{{host}}/owa und notieren Sie, ob eine Fehlermeldung zur Sicherheit oder zum Zertifikat erscheint.',
      'Wenn Ihr Sicherheitsprogramm eine „HTTPS-Prüfung“ oder einen „Webschutz“ hat: Sagen Sie es dem IT-Support, ändern Sie aber nichts selbst.',
      HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Fehler der Prüfung: {{error}}.',
      'Handshake nachvollziehen: openssl s_client -connect {{host}}:443 -servername {{host}} (auch mit -tls1_2 und -tls1_3); unter Windows die Schannel-Ereignisse im System-Log (z. B. 36874, 36888).',
      'Server: aktivierte Protokolle und Cipher Suites (Registry SCHANNEL\\Protocols, Get-TlsCipherSuite, IIS Crypto); Exchange nach Microsofts „Exchange Server TLS guidance“ auf TLS 1.2 einrichten.',
      'Geräte im Pfad: Load Balancer oder Reverse Proxy mit eigenem SSL-Profil, Firewall mit TLS-Inspection oder IPS, die den Handshake zurücksetzen. Hängt der Handshake, die MTU prüfen (die Zertifikatskette braucht große Pakete).',
    ],
  },
  'tls.legacy-protocol': {
    title: 'Server nutzt ein veraltetes Verschlüsselungsverfahren',
    detail:
      '{{host}} beherrscht nur das veraltete Verfahren {{protocol}}. Aktuelle Windows- und Office-Versionen lehnen es aus Sicherheitsgründen ab. Dann kommt keine Verbindung zustande, und Outlook zeigt „Getrennt“.',
    notes: {
      'only-legacy': 'Eine moderne Verbindung (TLS 1.2 oder neuer) wurde abgelehnt, nur mit {{protocol}} ging es.',
      negotiated: 'Die Verbindung kam zwar zustande, aber nur mit {{protocol}}.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Das können Sie nicht selbst beheben. ' + HAND_TO_SUPPORT.de,
      'Schalten Sie alte Verfahren nicht selbst wieder ein, auch wenn eine Anleitung im Internet das empfiehlt.',
    ],
    admin: [
      'Server bzw. vorgeschalteten Load Balancer oder Reverse Proxy auf TLS 1.2/1.3 umstellen; für Exchange Microsofts „Exchange Server TLS guidance“ befolgen (SCHANNEL-Registry, .NET SchUseStrongCrypto und SystemDefaultTlsVersions).',
      'Prüfen: openssl s_client -connect {{host}}:443 -servername {{host}} -tls1_2 (muss gelingen), -tls1 und -tls1_1 (sollten scheitern); oder nmap --script ssl-enum-ciphers -p 443 {{host}}.',
      'Alte Proxys oder SSL-Inspection-Geräte im Pfad, die selbst nur TLS 1.0 sprechen, sind eine häufige Ursache.',
    ],
  },
  'tls.cert-name-mismatch': {
    title: 'Zertifikat passt nicht zum Servernamen',
    detail:
      'Der Server {{host}} weist sich mit einem Zertifikat aus, das nicht auf diesen Namen ausgestellt ist. Es gilt für: {{names}}. Outlook kann nicht sicher sein, mit dem richtigen Server zu sprechen. Es zeigt eine Sicherheitswarnung oder verbindet sich gar nicht und zeigt „Getrennt“.',
    user: [DO_NOT_CONFIRM_CERT_WARNINGS.de, HAND_TO_SUPPORT.de],
    admin: [
      'Zertifikat ansehen (angetroffen an {{address}}): openssl s_client -connect {{host}}:443 -servername {{host}} | openssl x509 -noout -subject -ext subjectAltName.',
      'Exchange: Get-ExchangeCertificate | Format-List FriendlyName,Subject,CertificateDomains,Services,Thumbprint,NotAfter – {{host}} muss in CertificateDomains (SAN) stehen; binden mit Enable-ExchangeCertificate -Thumbprint <…> -Services IIS.',
      'IIS-Bindung der „Default Web Site“ auf Port 443 (auch SNI-Bindungen) prüfen; bei Load Balancern mit SSL-Terminierung das dort hinterlegte Zertifikat.',
      'Zeigt nur ein Teil der Adressen das falsche Zertifikat, ist ein einzelner Server falsch gebunden.',
    ],
  },
  'tls.cert-expired': {
    title: 'Zertifikat des Servers ist abgelaufen',
    detail:
      'Ein Zertifikat, mit dem sich {{host}} ausweist, ist am {{validTo, datetime}} abgelaufen. Outlook vertraut dem Server dann nicht mehr. Es zeigt eine Sicherheitswarnung oder verbindet sich nicht und zeigt „Getrennt“.',
    notes: {
      intermediate: 'Abgelaufen ist das Zertifikat der Zwischenzertifizierungsstelle „{{certificate}}“, nicht das des Servers selbst.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Prüfen Sie, ob Datum und Uhrzeit unten rechts auf dem Bildschirm stimmen. Wenn nicht, sagen Sie es dem IT-Support.',
      DO_NOT_CONFIRM_CERT_WARNINGS.de,
      HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Exchange: Get-ExchangeCertificate | Where-Object NotAfter -lt (Get-Date) | Format-List Subject,CertificateDomains,Services,Thumbprint,NotAfter.',
      'Neues Zertifikat importieren (Import-ExchangeCertificate), mit Enable-ExchangeCertificate -Services IIS binden, auf allen Servern und auf Load Balancern/Reverse Proxys mit SSL-Terminierung tauschen.',
      'Abgelaufenes Zwischenzertifikat: aktuelle Kette der CA im Computerspeicher „Zwischenzertifizierungsstellen“ hinterlegen und das alte entfernen.',
      'Prüfen: openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts (notAfter jeder Stufe).',
    ],
  },
  'tls.cert-not-yet-valid': {
    title: 'Zertifikat des Servers ist noch nicht gültig',
    detail:
      'Ein Zertifikat von {{host}} gilt laut der Uhr dieses Computers erst ab dem {{validFrom, datetime}}. Meistens geht dann die Uhr des Computers falsch, seltener wurde ein Zertifikat zu früh eingesetzt. Outlook vertraut dem Server dann nicht und zeigt „Getrennt“.',
    notes: {
      intermediate: 'Betroffen ist das Zertifikat der Zwischenzertifizierungsstelle „{{certificate}}“.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Prüfen Sie Datum und Uhrzeit unten rechts auf dem Bildschirm. Stimmen sie nicht: Rechtsklick auf die Uhr, „Datum/Uhrzeit anpassen“, dann „Jetzt synchronisieren“.',
      'Wenn die Uhr stimmt: ' + HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Zeit des Clients: w32tm /query /status und w32tm /stripchart /computer:<Domänencontroller>; neu synchronisieren mit w32tm /resync. In Domänen die Zeitquelle des PDC-Emulators prüfen.',
      'Stimmt die Zeit: Get-ExchangeCertificate | Format-List Subject,NotBefore,NotAfter,Services – ein zu früh gebundenes Zertifikat erst ab NotBefore einsetzen.',
    ],
  },
  'tls.cert-untrusted': {
    title: 'Zertifikat des Servers wird nicht vertraut',
    detail:
      'Das Zertifikat von {{host}} stammt nicht von einer Stelle, der dieser Computer vertraut (ausgestellt von: {{issuer}}). Outlook kann nicht prüfen, ob es mit dem echten Server spricht. Es zeigt eine Sicherheitswarnung oder verbindet sich nicht und zeigt „Getrennt“.',
    notes: {
      'self-signed': 'Der Server hat sich das Zertifikat selbst ausgestellt („selbstsigniert“).',
      'incomplete-chain':
        'Der Server schickt das Zertifikat seiner Zwischenzertifizierungsstelle nicht mit. Windows kann es manchmal selbst nachladen, aber nicht immer (zum Beispiel ohne Internetzugang).',
      'unknown-ca': 'Die ausstellende Stelle ist diesem Computer unbekannt, zum Beispiel eine firmeneigene Zertifizierungsstelle, deren Stammzertifikat hier nicht installiert ist.',
      'no-system-store':
        'Diese Prüfung konnte den Zertifikatspeicher von Windows nicht lesen. Ist die Zertifizierungsstelle Ihrer Firma dort installiert, vertraut Outlook dem Server trotzdem. Ein erneuter Test mit --ca-file und dem Stammzertifikat der Firma schafft Klarheit.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Bestätigen Sie Zertifikatswarnungen nicht einfach mit „Ja“ und installieren Sie keine Zertifikate selbst.',
      'Wenn Sie in einem fremden Netz sind (Hotel, Gäste-WLAN): Testen Sie in einem anderen Netz.',
      HAND_TO_SUPPORT.de,
    ],
    admin: [
      'Fehler der Prüfung: {{error}}. Kette ansehen: openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts; unter Windows certutil -verify -urlfetch <Zertifikat.cer>.',
      'Fehlende Zwischenzertifikate auf dem Server (und auf Load Balancern mit SSL-Terminierung) in die Kette aufnehmen; unter IIS in den Computerspeicher „Zwischenzertifizierungsstellen“ importieren.',
      'Firmeneigene CA: Stammzertifikat per Gruppenrichtlinie verteilen (Computerkonfiguration → Richtlinien → Windows-Einstellungen → Sicherheitseinstellungen → Richtlinien für öffentliche Schlüssel → Vertrauenswürdige Stammzertifizierungsstellen); prüfen mit certutil -store Root.',
      'Das selbstsignierte Zertifikat „Microsoft Exchange“ ist für die Back-End-Bindung gedacht: Für IIS/Front-End ein Zertifikat einer vertrauenswürdigen CA mit allen Namen im SAN binden (Enable-ExchangeCertificate -Services IIS).',
    ],
  },
  'tls.cert-weak-key': {
    title: 'Zertifikat des Servers ist zu schwach gesichert',
    detail:
      'Das Zertifikat von {{host}} entspricht nicht mehr heutigen Sicherheitsregeln. Aktuelle Windows-Versionen lehnen solche Zertifikate ab oder werden es bald tun. Dann verbindet sich Outlook nicht mehr und zeigt „Getrennt“.',
    notes: {
      'short-key': 'Der Schlüssel von „{{keyCertificate}}“ ist nur {{keyBits}} Bit lang; nötig sind mindestens 2048 Bit.',
      'weak-signature': '„{{signatureCertificate}}“ ist mit dem veralteten Verfahren {{signature}} unterschrieben.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: ['Im Moment funktioniert die Verbindung vielleicht noch. ' + HAND_TO_SUPPORT.de],
    admin: [
      'Neues Zertifikat mit RSA-Schlüssel ab 2048 Bit (oder ECDSA P-256) und SHA-256-Signatur anfordern, z. B. New-ExchangeCertificate -KeySize 2048 … oder ein CSR mit passender Vorlage der Firmen-CA.',
      'Firmen-CA mit SHA-1: auf SHA-256 umstellen (certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256) und Zwischenzertifikate neu ausstellen.',
      'Prüfen: openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts, dann openssl x509 -noout -text (Public-Key, Signature Algorithm).',
    ],
  },
  'tls.cert-expiring': {
    title: 'Zertifikat des Servers läuft bald ab',
    detail:
      'Das Zertifikat von {{host}} läuft am {{validTo, datetime}} ab, also in weniger als zwei Wochen. Danach vertraut Outlook dem Server nicht mehr und zeigt „Getrennt“, bis ein neues Zertifikat eingesetzt ist. Im Moment funktioniert noch alles.',
    notes: { 'autodiscover-only': AUTODISCOVER_ONLY.de },
    user: ['Sie müssen jetzt nichts tun. Geben Sie diesen Bericht an den IT-Support weiter, damit das Zertifikat rechtzeitig erneuert wird.'],
    admin: [
      'Exchange: Get-ExchangeCertificate | Where-Object NotAfter -lt (Get-Date).AddDays(30) | Format-List Subject,CertificateDomains,Services,Thumbprint,NotAfter.',
      'Erneuern (Exchange Admin Center, New-ExchangeCertificate oder bei der CA), auf allen Exchange-Servern importieren und mit Enable-ExchangeCertificate -Services IIS,SMTP binden; Load Balancer und Reverse Proxys mit SSL-Terminierung nicht vergessen.',
      'Eine Ablaufüberwachung einrichten (Monitoring oder geplante Aufgabe), damit es nicht wieder knapp wird.',
    ],
  },
};

export const en: FindingTextTable = {
  'tls.handshake-failed': {
    title: 'The secure connection cannot be set up',
    detail:
      'The connection to {{host}} ({{address}}) is up, but encryption cannot be negotiated. Outlook talks to Exchange only encrypted; without this step it cannot connect and shows "Disconnected".',
    notes: {
      cut: 'The connection was cut off in the middle of the negotiation. Devices between computer and server often do that, such as a firewall, a proxy or security software.',
      stalled: 'The other side stopped answering. A common reason is large packets that get stuck on the way.',
      rejected: 'The other side refused. Computer and server probably share no encryption method.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'Open https://{{host}}/owa in the browser and note whether a security or certificate error appears.',
      'If your security program has "HTTPS scanning" or "web protection": tell IT support, but do not change anything yourself.',
      HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Error seen by the check: {{error}}.',
      'Reproduce the handshake: openssl s_client -connect {{host}}:443 -servername {{host}} (also with -tls1_2 and -tls1_3); on Windows the Schannel events in the System log (e.g. 36874, 36888).',
      'Server: enabled protocols and cipher suites (registry SCHANNEL\\Protocols, Get-TlsCipherSuite, IIS Crypto); set up Exchange for TLS 1.2 following Microsoft\'s "Exchange Server TLS guidance".',
      'Devices in the path: load balancer or reverse proxy with its own SSL profile, firewall with TLS inspection or IPS resetting the handshake. If the handshake stalls, check the MTU (the certificate chain needs large packets).',
    ],
  },
  'tls.legacy-protocol': {
    title: 'The server uses an outdated encryption method',
    detail:
      '{{host}} only speaks the outdated method {{protocol}}. Current Windows and Office versions refuse it for security reasons. Then no connection comes about, and Outlook shows "Disconnected".',
    notes: {
      'only-legacy': 'A modern connection (TLS 1.2 or newer) was refused; only {{protocol}} worked.',
      negotiated: 'The connection came about, but only with {{protocol}}.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'You cannot fix this yourself. ' + HAND_TO_SUPPORT.en,
      'Do not turn old methods back on yourself, even if a guide on the internet recommends it.',
    ],
    admin: [
      'Move the server, or the load balancer or reverse proxy in front of it, to TLS 1.2/1.3; for Exchange follow Microsoft\'s "Exchange Server TLS guidance" (SCHANNEL registry, .NET SchUseStrongCrypto and SystemDefaultTlsVersions).',
      'Check: openssl s_client -connect {{host}}:443 -servername {{host}} -tls1_2 (must succeed), -tls1 and -tls1_1 (should fail); or nmap --script ssl-enum-ciphers -p 443 {{host}}.',
      'Old proxies or SSL inspection devices in the path that themselves speak only TLS 1.0 are a common cause.',
    ],
  },
  'tls.cert-name-mismatch': {
    title: 'The certificate does not match the server name',
    detail:
      'The server {{host}} identifies itself with a certificate that is not issued for this name. It is valid for: {{names}}. Outlook cannot be sure it talks to the right server. It shows a security warning, or does not connect at all and shows "Disconnected".',
    user: [DO_NOT_CONFIRM_CERT_WARNINGS.en, HAND_TO_SUPPORT.en],
    admin: [
      'Look at the certificate (seen at {{address}}): openssl s_client -connect {{host}}:443 -servername {{host}} | openssl x509 -noout -subject -ext subjectAltName.',
      'Exchange: Get-ExchangeCertificate | Format-List FriendlyName,Subject,CertificateDomains,Services,Thumbprint,NotAfter – {{host}} must be in CertificateDomains (SAN); bind with Enable-ExchangeCertificate -Thumbprint <…> -Services IIS.',
      'Check the IIS binding of the "Default Web Site" on port 443 (SNI bindings too); with load balancers terminating SSL, the certificate configured there.',
      'If only some addresses show the wrong certificate, a single server is bound wrongly.',
    ],
  },
  'tls.cert-expired': {
    title: 'The server\'s certificate has expired',
    detail:
      'A certificate {{host}} identifies itself with expired on {{validTo, datetime}}. Outlook then no longer trusts the server. It shows a security warning, or does not connect and shows "Disconnected".',
    notes: {
      intermediate: 'What expired is the certificate of the intermediate authority "{{certificate}}", not the server\'s own.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'Check that the date and time at the bottom right of the screen are correct. If not, tell IT support.',
      DO_NOT_CONFIRM_CERT_WARNINGS.en,
      HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Exchange: Get-ExchangeCertificate | Where-Object NotAfter -lt (Get-Date) | Format-List Subject,CertificateDomains,Services,Thumbprint,NotAfter.',
      'Import a new certificate (Import-ExchangeCertificate), bind it with Enable-ExchangeCertificate -Services IIS, and replace it on all servers and on load balancers/reverse proxies terminating SSL.',
      'Expired intermediate: put the CA\'s current chain into the computer store "Intermediate Certification Authorities" and remove the old one.',
      'Check: openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts (notAfter of each level).',
    ],
  },
  'tls.cert-not-yet-valid': {
    title: 'The server\'s certificate is not valid yet',
    detail:
      'By this computer\'s clock, a certificate of {{host}} is valid only from {{validFrom, datetime}}. Usually the computer\'s clock is wrong; less often a certificate was put in place too early. Outlook then does not trust the server and shows "Disconnected".',
    notes: {
      intermediate: 'It is the certificate of the intermediate authority "{{certificate}}".',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'Check the date and time at the bottom right of the screen. If they are wrong: right-click the clock, "Adjust date/time", then "Sync now".',
      'If the clock is right: ' + HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Client time: w32tm /query /status and w32tm /stripchart /computer:<domain controller>; resync with w32tm /resync. In domains, check the time source of the PDC emulator.',
      'If the time is right: Get-ExchangeCertificate | Format-List Subject,NotBefore,NotAfter,Services – use a certificate bound too early only from NotBefore on.',
    ],
  },
  'tls.cert-untrusted': {
    title: 'The server\'s certificate is not trusted',
    detail:
      'The certificate of {{host}} does not come from an authority this computer trusts (issued by: {{issuer}}). Outlook cannot check that it talks to the real server. It shows a security warning, or does not connect and shows "Disconnected".',
    notes: {
      'self-signed': 'The server issued the certificate to itself ("self-signed").',
      'incomplete-chain':
        'The server does not send the certificate of its intermediate authority. Windows can sometimes fetch it by itself, but not always (for example without internet access).',
      'unknown-ca': 'The issuing authority is unknown to this computer, for example a company CA whose root certificate is not installed here.',
      'no-system-store':
        'This check could not read the Windows certificate store. If your company\'s authority is installed there, Outlook trusts the server anyway. A new test with --ca-file and the company\'s root certificate makes it clear.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'Do not simply click "Yes" on certificate warnings, and do not install certificates yourself.',
      'If you are in a foreign network (hotel, guest Wi-Fi): test in another network.',
      HAND_TO_SUPPORT.en,
    ],
    admin: [
      'Error seen by the check: {{error}}. Show the chain: openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts; on Windows certutil -verify -urlfetch <certificate.cer>.',
      'Add missing intermediate certificates to the chain on the server (and on load balancers terminating SSL); for IIS import them into the computer store "Intermediate Certification Authorities".',
      'Company CA: deploy the root certificate by group policy (Computer Configuration → Policies → Windows Settings → Security Settings → Public Key Policies → Trusted Root Certification Authorities); check with certutil -store Root.',
      'The self-signed "Microsoft Exchange" certificate is meant for the back-end binding: bind a certificate of a trusted CA with all names in the SAN for IIS/front end (Enable-ExchangeCertificate -Services IIS).',
    ],
  },
  'tls.cert-weak-key': {
    title: 'The server\'s certificate is too weakly secured',
    detail:
      'The certificate of {{host}} no longer meets today\'s security rules. Current Windows versions refuse such certificates or soon will. Outlook then no longer connects and shows "Disconnected".',
    notes: {
      'short-key': 'The key of "{{keyCertificate}}" is only {{keyBits}} bits long; at least 2048 bits are needed.',
      'weak-signature': '"{{signatureCertificate}}" is signed with the outdated method {{signature}}.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: ['The connection may still work for now. ' + HAND_TO_SUPPORT.en],
    admin: [
      'Request a new certificate with an RSA key of at least 2048 bits (or ECDSA P-256) and a SHA-256 signature, e.g. New-ExchangeCertificate -KeySize 2048 … or a CSR with a suitable template of the company CA.',
      'Company CA on SHA-1: move it to SHA-256 (certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256) and reissue the intermediate certificates.',
      'Check: openssl s_client -connect {{host}}:443 -servername {{host}} -showcerts, then openssl x509 -noout -text (Public-Key, Signature Algorithm).',
    ],
  },
  'tls.cert-expiring': {
    title: 'The server\'s certificate expires soon',
    detail:
      'The certificate of {{host}} expires on {{validTo, datetime}}, less than two weeks from now. After that Outlook no longer trusts the server and shows "Disconnected" until a new certificate is in place. Right now everything still works.',
    notes: { 'autodiscover-only': AUTODISCOVER_ONLY.en },
    user: ['You need not do anything now. Pass this report on to your IT support so that the certificate is renewed in time.'],
    admin: [
      'Exchange: Get-ExchangeCertificate | Where-Object NotAfter -lt (Get-Date).AddDays(30) | Format-List Subject,CertificateDomains,Services,Thumbprint,NotAfter.',
      'Renew it (Exchange admin center, New-ExchangeCertificate or at the CA), import it on all Exchange servers and bind it with Enable-ExchangeCertificate -Services IIS,SMTP; do not forget load balancers and reverse proxies terminating SSL.',
      'Set up expiry monitoring (monitoring system or a scheduled task) so that it does not get tight again.',
    ],
  },
};
