import type { FindingTextTable } from '../finding-texts';
import { ZONE_LOGON_ADMIN, ZONE_LOGON_NOTES } from './common-notes';

/** Texts of the section "Authentifizierung / Internetzonen". Placeholders are the args of the rules auth-*.ts. */
export const de: FindingTextTable = {
  'auth.no-challenge': {
    title: 'Exchange fordert keine Anmeldung an – Outlook kann sich nicht anmelden',
    detail:
      'Outlook fragt Exchange zuerst ohne Anmeldung an. Als Antwort erwartet es „Bitte anmelden“ (HTTP 401) mit der Liste der Anmeldeverfahren. Bei {{host}} kam diese Aufforderung nicht: {{endpoints}}. ' +
      'Meist steht ein Reverse Proxy, ein Loadbalancer oder eine vorgeschaltete Anmeldeseite dazwischen. Ohne die Aufforderung kann Outlook nicht einmal nach einem Kennwort fragen und bleibt „Getrennt“.',
    lowered:
      'Die Postfachverbindung selbst (/mapi bzw. /rpc) fordert die Anmeldung richtig an. Outlook bleibt deshalb verbunden; betroffen sind die Einrichtung, Abwesenheitsnotizen oder Frei/Gebucht-Zeiten. Deshalb nur eine Warnung.',
    user: [
      'Öffnen Sie Outlook im Web (OWA) im Browser. Klappt dort die Anmeldung, ist Ihr Konto in Ordnung – das Problem liegt beim Zugang für Outlook.',
      'Melden Sie den Befund dem IT-Support. Am Computer lässt es sich nicht beheben.',
    ],
    admin: [
      'Anonyme Anfrage nachstellen: `curl -v https://{{host}}/mapi/emsmdb/` bzw. `…/EWS/Exchange.asmx`. Erwartet: 401 mit WWW-Authenticate (Negotiate, NTLM, ggf. Basic oder Bearer).',
      'Reverse Proxy, Loadbalancer oder WAF: Vorab-Authentifizierung (Formularanmeldung, SSO-Weiterleitung, Zugriffsrichtlinie) für /mapi, /rpc, /EWS und /autodiscover abschalten bzw. auf Durchreichen stellen. Der 401 und der Header WWW-Authenticate müssen unverändert beim Client ankommen.',
      'Header-Umschreibungen prüfen (WWW-Authenticate darf nicht entfernt werden); keine eigene Fehlerseite des Loadbalancers für 401.',
      'Auf Exchange: `Get-MapiVirtualDirectory | fl Server,IISAuthenticationMethods,InternalAuthenticationMethods,ExternalAuthenticationMethods` und `Get-WebServicesVirtualDirectory | fl Server,*Authentication*` – anonymer Zugriff darf dort nicht eingeschaltet sein.',
    ],
  },
  'auth.methods': {
    title: 'Angebotene Anmeldeverfahren',
    detail:
      'Exchange nennt Outlook auf die erste Anfrage die Anmeldeverfahren, aus denen es wählen kann. Angeboten wurden: {{methods}}. ' +
      '„Negotiate“ bedeutet Kerberos mit NTLM als Ersatz (im Verbindungsstatus von Outlook „Nego“), „Bearer“ die moderne Anmeldung über Microsoft, „Basic“ die einfache Kennwortabfrage. ' +
      'Diese Übersicht ist kein Fehler; sie hilft, die anderen Befunde einzuordnen.',
    notes: {
      ...ZONE_LOGON_NOTES.de,
      'held-back-endpoint':
        'Autodiscover nennt für Exchange-Webdienste bzw. MAPI den Server {{heldBackEndpoints}}, der nicht zur Maildomäne {{domain}} gehört. Der Anmeldetest hat dort nur ohne Kennwort angefragt; die Anmeldung dort ist nicht getestet. Prüfen Sie mit dem IT-Support, ob dieser Server richtig ist (bei Exchange Online ist outlook.office365.com richtig).',
      'held-back':
        'Ihr Kennwort wurde beim Anmeldetest nicht an {{heldBackHosts}} gesendet: Autodiscover leitet dorthin weiter, der Server gehört aber nicht zur Maildomäne {{domain}}. Outlook fragt an dieser Stelle „Soll diese Website die Servereinstellungen konfigurieren?“ – bestätigen Sie das nur, wenn der IT-Support den Server kennt. Die Anmeldung dort ist nicht getestet.',
    },
    user: ['Sie müssen hier nichts tun.'],
    admin: [
      'Üblich on-premises: Negotiate und NTLM auf /mapi und /EWS (Basic nur, wenn bewusst freigegeben); mit Hybrid Modern Authentication zusätzlich Bearer.',
      'Im Outlook-Verbindungsstatus (Strg + Rechtsklick auf das Outlook-Symbol im Infobereich > Verbindungsstatus) zeigt die Spalte „Authentifizierung“ das tatsächlich genutzte Verfahren.',
      'Einstellungen: `Get-MapiVirtualDirectory | fl IISAuthenticationMethods`, `Get-OutlookAnywhere | fl *AuthenticationMethod*`.',
      ZONE_LOGON_ADMIN.de,
    ],
  },
  'auth.basic-only': {
    title: 'Nur die einfache Kennwortabfrage (Basic) wird angeboten',
    detail:
      'Bei {{host}} bietet Exchange nur die Anmeldung „Basic“ an, also Benutzername und Kennwort ohne Windows-Anmeldung ({{endpoints}}). ' +
      'Outlook muss deshalb nach dem Kennwort fragen. Nach einer Kennwortänderung oder einer Kontosperre bleibt es „Getrennt“, bis das neue Kennwort eingegeben ist. Die moderne Anmeldung über Microsoft 365 ist so ebenfalls nicht möglich.',
    user: [
      'Fragt Outlook nach dem Kennwort, geben Sie Ihr aktuelles Windows-Kennwort ein und setzen Sie das Häkchen „Anmeldedaten speichern“.',
      'Haben Sie Ihr Kennwort kürzlich geändert? Löschen Sie unter Systemsteuerung > Anmeldeinformationsverwaltung > Windows-Anmeldeinformationen die Einträge mit dem Servernamen und starten Sie Outlook neu.',
    ],
    admin: [
      'Meist reicht ein Reverse Proxy oder Loadbalancer nur Basic durch oder meldet selbst mit Basic an: Negotiate/NTLM durchreichen.',
      'Exchange: `Get-MapiVirtualDirectory | fl IISAuthenticationMethods,ExternalAuthenticationMethods` und `Get-OutlookAnywhere | fl ExternalClientAuthenticationMethod,IISAuthenticationMethods` – Negotiate und NTLM ergänzen.',
      'Exchange Online lässt Basic für Outlook nicht mehr zu; on-premises ist Hybrid Modern Authentication der Weg zu moderner Anmeldung.',
    ],
  },
  'auth.kerberos-no-ticket': {
    title: 'Die Kerberos-Anmeldung bei Exchange ist nicht möglich',
    detail:
      'Exchange bietet unter {{host}} die Windows-Anmeldung „Negotiate“ an. Dieser Computer bekommt aber kein Kerberos-Ticket für den Dienst {{spn}} ({{reason}}). ' +
      'Windows weicht dann auf das ältere NTLM aus, oder die Anmeldung scheitert. Die Folge sind Kennwortabfragen, langsame Anmeldungen oder „Getrennt“, besonders mit mehreren Servern hinter einem Loadbalancer.',
    notes: { ...ZONE_LOGON_NOTES.de },
    user: [
      'Melden Sie sich einmal von Windows ab und wieder an (oder starten Sie den Computer neu), während Sie mit dem Firmennetz oder dem VPN verbunden sind.',
      'Prüfen Sie, ob Uhrzeit und Datum Ihres Computers stimmen.',
      'Melden Sie den Befund dem IT-Support. Die Ursache liegt meist in der Konfiguration des Servers.',
    ],
    admin: [
      'Ticket anfordern: `klist get {{spn}}`. KDC_ERR_S_PRINCIPAL_UNKNOWN = SPN fehlt, KDC_ERR_PRINCIPAL_NOT_UNIQUE = SPN doppelt vergeben.',
      'SPN suchen: `setspn -F -Q {{spn}}`. Er muss genau einmal existieren, und zwar auf dem Alternate Service Account (ASA, ein Computerkonto) der Exchange-Server. Steht er doppelt oder noch auf dem Konto eines alten Servers oder Clusters, bricht Kerberos.',
      'ASA prüfen und setzen: `Get-ClientAccessService -IncludeAlternateServiceAccountCredentialStatus | fl Name,AlternateServiceAccountConfiguration`, `Set-ClientAccessService -Identity <Server> -AlternateServiceAccountCredential (Get-Credential)`; SPN eintragen: `setspn -S {{spn}} <DOMÄNE>\\<ASA-Konto>$`.',
      'Auf dem Client zeigt `klist` die vorhandenen Tickets; fehlt schon das krbtgt-Ticket, erreicht der Computer keinen Domänencontroller (VPN, DNS).',
      ZONE_LOGON_ADMIN.de,
    ],
  },
  'auth.clock-skew': {
    title: 'Die Uhr dieses Computers geht falsch',
    detail:
      'Die Uhrzeit dieses Computers weicht um etwa {{minutes}} Minuten von der Uhr des Servers {{host}} ab (Server: {{serverTime}}, dieser Computer: {{localTime}}, jeweils UTC). ' +
      'Die Windows-Anmeldung (Kerberos) erlaubt höchstens 5 Minuten Abweichung, die Anmeldung über Microsoft 365 ähnlich wenig. Bei größerer Abweichung lehnt der Server die Anmeldung ab, und Outlook bleibt „Getrennt“ oder fragt ständig nach dem Kennwort.',
    lowered:
      'Der Server bietet hier weder Kerberos noch die moderne Anmeldung an, daher stört die Abweichung die Anmeldung nicht direkt. Zertifikatsprüfungen können trotzdem scheitern; deshalb bleibt es eine Warnung.',
    notes: {
      'time-service-stopped': 'Der Windows-Zeitdienst läuft auf diesem Computer nicht (w32tm: „Der Dienst wurde nicht gestartet“). Ohne ihn stellt niemand die Uhr nach.',
      'time-local-clock': 'Der Windows-Zeitdienst ist nicht synchronisiert: Seine Quelle ist „{{timeSource}}“, also nur die eingebaute Uhr dieses Computers.',
      'time-not-synchronized': 'Der Windows-Zeitdienst meldet die Uhr als nicht synchronisiert (Quelle: {{timeSource}}).',
      'time-synchronized': 'Der Windows-Zeitdienst stellt die Uhr nach {{timeSource}}. Weicht sie trotzdem ab, geht wahrscheinlich diese Zeitquelle oder die Uhr des Servers falsch.',
    },
    user: [
      'Klicken Sie mit der rechten Maustaste auf die Uhrzeit unten rechts und wählen Sie „Datum/Uhrzeit anpassen“. Schalten Sie „Uhrzeit automatisch festlegen“ und „Zeitzone automatisch festlegen“ ein und klicken Sie auf „Jetzt synchronisieren“.',
      'Prüfen Sie die Zeitzone (für Deutschland: „(UTC+01:00) Amsterdam, Berlin, …“).',
      'Starten Sie Outlook danach neu.',
    ],
    admin: [
      'Zeitquelle prüfen: `w32tm /query /status` und `w32tm /query /source`; neu synchronisieren: `w32tm /resync /force`.',
      'Läuft der Zeitdienst nicht: `sc config w32time start= auto` und `net start w32time`. Steht die Quelle auf „Local CMOS Clock“, erreicht der Computer seine Zeitquelle nicht (Domänenmitglied: Domänencontroller über `nltest /dsgetdc:` prüfen, UDP-Port 123).',
      'Domänenmitglieder holen die Zeit über die Domänenhierarchie vom PDC-Emulator; ihn an eine verlässliche Quelle binden (`w32tm /config /manualpeerlist:<NTP-Server> /syncfromflags:manual /reliable:yes /update`).',
      'Zeigen mehrere Clients dieselbe Abweichung, die Uhr des Servers {{host}} prüfen.',
      'Toleranz: GPO „Maximale Toleranz für die Synchronisation des Computertakts“ (Standard 5 Minuten); im Sicherheitsprotokoll erscheint KRB_AP_ERR_SKEW (0x25).',
    ],
  },
  'auth.credentials-rejected': {
    title: 'Die Anmeldedaten wurden abgelehnt',
    detail:
      'Beim Anmeldetest mit dem Benutzer {{user}} hat {{host}} die Anmeldung abgelehnt (erneut „Bitte anmelden“, HTTP 401). Betroffen: {{endpoints}}; Verfahren: {{methods}}. ' +
      'Entweder stimmen Benutzername oder Kennwort nicht, das Konto ist gesperrt oder abgelaufen, oder der Server lässt dieses Anmeldeverfahren nicht zu. Outlook fragt dann immer wieder nach dem Kennwort oder bleibt „Getrennt“.',
    lowered:
      'Dieselben Anmeldedaten wurden bei {{accepted}} angenommen. Das Kennwort stimmt also, und die Postfachverbindung meldet sich an; nur dieser Dienst lehnt ab. Deshalb nur eine Warnung.',
    user: [
      'Prüfen Sie den Benutzernamen: Meist ist es Ihre E-Mail-Adresse oder DOMÄNE\\Benutzername.',
      'Melden Sie sich testweise in Outlook im Web (OWA) an. Klappt das nicht, ist das Kennwort falsch oder abgelaufen oder das Konto gesperrt – wenden Sie sich an den IT-Support.',
      'Haben Sie Ihr Kennwort kürzlich geändert? Löschen Sie unter Systemsteuerung > Anmeldeinformationsverwaltung > Windows-Anmeldeinformationen die alten Einträge und starten Sie Outlook neu.',
    ],
    admin: [
      'Konto prüfen: gesperrt, abgelaufen, Kennwortänderung verlangt (`Get-ADUser <Benutzer> -Properties LockedOut,PasswordExpired,PasswordLastSet`).',
      'Anmeldeverfahren der virtuellen Verzeichnisse: `Get-MapiVirtualDirectory | fl *AuthenticationMethods`, `Get-WebServicesVirtualDirectory | fl *Authentication*` (z. B. Basic abgeschaltet, NTLM nur intern).',
      'Zur Zeit des Tests: Sicherheitsprotokoll der Domänencontroller (Ereignisse 4625, 4771, 4776) und IIS-Log auf Exchange (401 mit Unterstatus, z. B. 401.1).',
      'Reverse Proxy mit eigener Anmeldung: Weitergabe an Exchange (Kerberos Constrained Delegation o. Ä.) prüfen.',
    ],
  },
  'auth.modern-auth': {
    title: 'Moderne Anmeldung (Microsoft 365 / OAuth) wird verwendet',
    detail:
      'Exchange unter {{host}} verlangt die moderne Anmeldung über Microsoft (OAuth, „Bearer“) – so arbeiten Exchange Online und Exchange mit Hybrid Modern Authentication ({{endpoints}}). ' +
      'Outlook meldet sich dann über ein Microsoft-Anmeldefenster an. Erscheint dieses Fenster nicht, schließt es sich sofort wieder oder ist der Anmeldedienst gesperrt, bleibt Outlook „Getrennt“.',
    notes: {
      tenant: 'Exchange vertraut Anmeldungen des Microsoft-365-Mandanten {{tenant}}.',
      'token-rejected': 'Exchange hat ein Anmelde-Token abgelehnt ({{tokenError}}). Begründung des Servers: {{diagnostics}}',
    },
    user: [
      'Erscheint ein Microsoft-Anmeldefenster, melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Kennwort an und bestätigen Sie gegebenenfalls die zweite Anmeldestufe (zum Beispiel in der Authenticator-App).',
      'Zeigt Outlook „Anmeldung erforderlich“ oder „Kennwort erforderlich“, klicken Sie darauf, um das Fenster zu öffnen.',
      'Prüfen Sie unter Datei > Office-Konto, ob Sie mit dem richtigen Konto angemeldet sind.',
    ],
    admin: [
      'Erreichbarkeit der Microsoft-Anmeldedienste (login.microsoftonline.com, login.windows.net u. a.) prüfen – ohne TLS-Inspektion und ohne Proxy-Anmeldung.',
      'On-premises/Hybrid: `Get-OrganizationConfig | fl OAuth2ClientProfileEnabled`, `Get-AuthServer | fl Name,Enabled,IsDefaultAuthorizationEndpoint`, `Get-IntraOrganizationConnector`.',
      'Clients: Outlook 2016 und neuer können das von Haus aus, Outlook 2013 braucht HKCU\\Software\\Microsoft\\Office\\15.0\\Common\\Identity, EnableADAL = 1 und Version = 1. Die Windows-Kontoverwaltung (WAM) muss funktionieren: `dsregcmd /status`.',
      'Der Header x-ms-diagnostics der 401-Antwort (z. B. 2000003 invalid_resource) nennt den Grund, wenn ein Token abgelehnt wird.',
    ],
  },
};

export const en: FindingTextTable = {
  'auth.no-challenge': {
    title: 'Exchange does not ask for a sign-in – Outlook cannot sign in',
    detail:
      'Outlook first contacts Exchange without signing in. It expects "please sign in" (HTTP 401) with the list of sign-in methods as the answer. {{host}} did not ask for it: {{endpoints}}. ' +
      'Usually a reverse proxy, a load balancer or a sign-in page in front is in the way. Without that request Outlook cannot even ask for a password and stays "Disconnected".',
    lowered:
      'The mailbox connection itself (/mapi or /rpc) asks for the sign-in correctly. Outlook therefore stays connected; setup, out-of-office replies or free/busy times are affected. This is therefore only a warning.',
    user: [
      'Open Outlook on the web (OWA) in the browser. If signing in works there, your account is fine – the problem is with Outlook\'s access.',
      'Report this finding to IT support. It cannot be fixed on the computer.',
    ],
    admin: [
      'Repeat the anonymous request: `curl -v https://{{host}}/mapi/emsmdb/` or `…/EWS/Exchange.asmx`. Expected: 401 with WWW-Authenticate (Negotiate, NTLM, possibly Basic or Bearer).',
      'Reverse proxy, load balancer or WAF: switch off pre-authentication (form sign-in, SSO redirect, access policy) for /mapi, /rpc, /EWS and /autodiscover, or set it to pass-through. The 401 and the WWW-Authenticate header must reach the client unchanged.',
      'Check header rewriting (WWW-Authenticate must not be removed); no custom load balancer error page for 401.',
      'On Exchange: `Get-MapiVirtualDirectory | fl Server,IISAuthenticationMethods,InternalAuthenticationMethods,ExternalAuthenticationMethods` and `Get-WebServicesVirtualDirectory | fl Server,*Authentication*` – anonymous access must not be enabled there.',
    ],
  },
  'auth.methods': {
    title: 'Offered sign-in methods',
    detail:
      'On the first request Exchange tells Outlook the sign-in methods it can choose from. Offered: {{methods}}. ' +
      '"Negotiate" means Kerberos with NTLM as fallback ("Nego" in Outlook\'s connection status), "Bearer" the modern sign-in through Microsoft, "Basic" the simple password prompt. ' +
      'This overview is not an error; it helps to put the other findings in context.',
    notes: {
      ...ZONE_LOGON_NOTES.en,
      'held-back-endpoint':
        'Autodiscover names the server {{heldBackEndpoints}} for Exchange Web Services or MAPI, which is not part of the mail domain {{domain}}. The sign-in test asked it without the password only; signing in there is not tested. Check with IT support that this server is right (for Exchange Online, outlook.office365.com is).',
      'held-back':
        'The sign-in test did not send your password to {{heldBackHosts}}: Autodiscover redirects there, but the server is not part of the mail domain {{domain}}. At this point Outlook asks "Allow this website to configure server settings?" – only confirm when IT support knows the server. Signing in there is not tested.',
    },
    user: ['You do not need to do anything.'],
    admin: [
      'Usual on premises: Negotiate and NTLM on /mapi and /EWS (Basic only if deliberately allowed); with hybrid modern authentication also Bearer.',
      'In Outlook\'s connection status (Ctrl + right-click the Outlook icon in the notification area > Connection Status) the "Authn" column shows the method actually used.',
      'Settings: `Get-MapiVirtualDirectory | fl IISAuthenticationMethods`, `Get-OutlookAnywhere | fl *AuthenticationMethod*`.',
      ZONE_LOGON_ADMIN.en,
    ],
  },
  'auth.basic-only': {
    title: 'Only the simple password prompt (Basic) is offered',
    detail:
      'At {{host}} Exchange only offers "Basic" sign-in, i.e. user name and password without Windows sign-in ({{endpoints}}). ' +
      'Outlook therefore has to ask for the password. After a password change or an account lockout it stays "Disconnected" until the new password is entered. Modern sign-in through Microsoft 365 is not possible this way either.',
    user: [
      'If Outlook asks for the password, enter your current Windows password and tick "Remember my credentials".',
      'Did you change your password recently? Delete the entries with the server name under Control Panel > Credential Manager > Windows Credentials and restart Outlook.',
    ],
    admin: [
      'Usually a reverse proxy or load balancer passes only Basic or signs in with Basic itself: pass Negotiate/NTLM through.',
      'Exchange: `Get-MapiVirtualDirectory | fl IISAuthenticationMethods,ExternalAuthenticationMethods` and `Get-OutlookAnywhere | fl ExternalClientAuthenticationMethod,IISAuthenticationMethods` – add Negotiate and NTLM.',
      'Exchange Online no longer allows Basic for Outlook; on premises, hybrid modern authentication is the way to modern sign-in.',
    ],
  },
  'auth.kerberos-no-ticket': {
    title: 'Kerberos sign-in to Exchange is not possible',
    detail:
      'At {{host}} Exchange offers the Windows sign-in "Negotiate". This computer, however, gets no Kerberos ticket for the service {{spn}} ({{reason}}). ' +
      'Windows then falls back to the older NTLM, or the sign-in fails. The results are password prompts, slow sign-ins or "Disconnected", especially with several servers behind a load balancer.',
    notes: { ...ZONE_LOGON_NOTES.en },
    user: [
      'Sign out of Windows once and sign in again (or restart the computer) while connected to the company network or VPN.',
      'Check that your computer\'s date and time are correct.',
      'Report this finding to IT support. The cause usually lies in the server configuration.',
    ],
    admin: [
      'Request a ticket: `klist get {{spn}}`. KDC_ERR_S_PRINCIPAL_UNKNOWN = SPN missing, KDC_ERR_PRINCIPAL_NOT_UNIQUE = duplicate SPN.',
      'Find the SPN: `setspn -F -Q {{spn}}`. It must exist exactly once, on the Alternate Service Account (ASA, a computer account) of the Exchange servers. If it is duplicated or still registered on an old server\'s or cluster\'s account, Kerberos breaks.',
      'Check and set the ASA: `Get-ClientAccessService -IncludeAlternateServiceAccountCredentialStatus | fl Name,AlternateServiceAccountConfiguration`, `Set-ClientAccessService -Identity <server> -AlternateServiceAccountCredential (Get-Credential)`; register the SPN: `setspn -S {{spn}} <DOMAIN>\\<ASA account>$`.',
      'On the client `klist` shows the tickets held; if even the krbtgt ticket is missing, the computer cannot reach a domain controller (VPN, DNS).',
      ZONE_LOGON_ADMIN.en,
    ],
  },
  'auth.clock-skew': {
    title: 'This computer\'s clock is wrong',
    detail:
      'This computer\'s time differs by about {{minutes}} minutes from the clock of the server {{host}} (server: {{serverTime}}, this computer: {{localTime}}, both UTC). ' +
      'The Windows sign-in (Kerberos) allows at most 5 minutes of difference, the Microsoft 365 sign-in hardly more. With a larger difference the server rejects the sign-in, and Outlook stays "Disconnected" or keeps asking for the password.',
    lowered:
      'The server offers neither Kerberos nor modern sign-in here, so the difference does not hit the sign-in directly. Certificate checks may still fail; it therefore remains a warning.',
    notes: {
      'time-service-stopped': 'The Windows Time service is not running on this computer (w32tm: "The service has not been started"). Without it nothing corrects the clock.',
      'time-local-clock': 'The Windows Time service is not synchronised: its source is "{{timeSource}}", that is only this computer\'s built-in clock.',
      'time-not-synchronized': 'The Windows Time service reports the clock as not synchronised (source: {{timeSource}}).',
      'time-synchronized': 'The Windows Time service sets the clock from {{timeSource}}. If it is off nonetheless, that time source or the server\'s clock is probably wrong.',
    },
    user: [
      'Right-click the clock at the bottom right and choose "Adjust date/time". Switch on "Set time automatically" and "Set time zone automatically", then click "Sync now".',
      'Check the time zone (for Germany: "(UTC+01:00) Amsterdam, Berlin, …").',
      'Then restart Outlook.',
    ],
    admin: [
      'Check the time source: `w32tm /query /status` and `w32tm /query /source`; resync: `w32tm /resync /force`.',
      'If the time service is not running: `sc config w32time start= auto` and `net start w32time`. If the source is "Local CMOS Clock", the computer does not reach its time source (domain member: check the domain controller with `nltest /dsgetdc:`, UDP port 123).',
      'Domain members take their time through the domain hierarchy from the PDC emulator; bind it to a reliable source (`w32tm /config /manualpeerlist:<NTP server> /syncfromflags:manual /reliable:yes /update`).',
      'If several clients show the same difference, check the clock of the server {{host}}.',
      'Tolerance: GPO "Maximum tolerance for computer clock synchronization" (default 5 minutes); the security log shows KRB_AP_ERR_SKEW (0x25).',
    ],
  },
  'auth.credentials-rejected': {
    title: 'The credentials were rejected',
    detail:
      'In the sign-in test with the user {{user}}, {{host}} rejected the sign-in ("please sign in" again, HTTP 401). Affected: {{endpoints}}; methods: {{methods}}. ' +
      'Either the user name or password is wrong, the account is locked or expired, or the server does not allow this sign-in method. Outlook then keeps asking for the password or stays "Disconnected".',
    lowered:
      'The same credentials were accepted at {{accepted}}. So the password is right and the mailbox connection signs in; only this service refuses. This is therefore only a warning.',
    user: [
      'Check the user name: usually it is your e-mail address or DOMAIN\\username.',
      'Try signing in to Outlook on the web (OWA). If that fails too, the password is wrong or expired or the account is locked – contact IT support.',
      'Did you change your password recently? Delete the old entries under Control Panel > Credential Manager > Windows Credentials and restart Outlook.',
    ],
    admin: [
      'Check the account: locked, expired, password change required (`Get-ADUser <user> -Properties LockedOut,PasswordExpired,PasswordLastSet`).',
      'Sign-in methods of the virtual directories: `Get-MapiVirtualDirectory | fl *AuthenticationMethods`, `Get-WebServicesVirtualDirectory | fl *Authentication*` (e.g. Basic disabled, NTLM internal only).',
      'At the time of the test: security log of the domain controllers (events 4625, 4771, 4776) and the IIS log on Exchange (401 with substatus, e.g. 401.1).',
      'Reverse proxy with its own sign-in: check the hand-over to Exchange (Kerberos constrained delegation or similar).',
    ],
  },
  'auth.modern-auth': {
    title: 'Modern sign-in (Microsoft 365 / OAuth) is used',
    detail:
      'Exchange at {{host}} requires modern sign-in through Microsoft (OAuth, "Bearer") – this is how Exchange Online and Exchange with hybrid modern authentication work ({{endpoints}}). ' +
      'Outlook then signs in through a Microsoft sign-in window. If this window does not appear, closes at once, or the sign-in service is blocked, Outlook stays "Disconnected".',
    notes: {
      tenant: 'Exchange trusts sign-ins of the Microsoft 365 tenant {{tenant}}.',
      'token-rejected': 'Exchange rejected a sign-in token ({{tokenError}}). The server\'s reason: {{diagnostics}}',
    },
    user: [
      'If a Microsoft sign-in window appears, sign in with your e-mail address and password and confirm the second step if asked (for example in the Authenticator app).',
      'If Outlook shows "Sign-in required" or "Password required", click it to open the window.',
      'Check under File > Office Account that you are signed in with the right account.',
    ],
    admin: [
      'Check that the Microsoft sign-in services (login.microsoftonline.com, login.windows.net and others) are reachable – without TLS inspection and without proxy sign-in.',
      'On premises/hybrid: `Get-OrganizationConfig | fl OAuth2ClientProfileEnabled`, `Get-AuthServer | fl Name,Enabled,IsDefaultAuthorizationEndpoint`, `Get-IntraOrganizationConnector`.',
      'Clients: Outlook 2016 and newer support it out of the box, Outlook 2013 needs HKCU\\Software\\Microsoft\\Office\\15.0\\Common\\Identity, EnableADAL = 1 and Version = 1. The Web Account Manager (WAM) must work: `dsregcmd /status`.',
      'The x-ms-diagnostics header of the 401 answer (e.g. 2000003 invalid_resource) names the reason when a token is rejected.',
    ],
  },
};
