import type { FindingTextTable } from '../finding-texts';
import { AUTODISCOVER_ONLY, HAND_TO_SUPPORT } from './common-notes';

/** Section `load-balancer`: addresses of one name that are dead or answer differently. */
export const de: FindingTextTable = {
  'lb.dead-address': {
    title: 'Eine Adresse des Servers antwortet nicht',
    detail:
      'Der Name {{host}} hat {{total}} Adressen. Auf Port {{port}} nicht erreichbar: {{dead}}. Mindestens eine andere Adresse antwortet. Outlook nimmt mal die eine, mal die andere Adresse. Erwischt es eine nicht erreichbare, hängt die Verbindung, und Outlook zeigt zeitweise „Getrennt“ – auf manchen Computern öfter als auf anderen.',
    notes: {
      refused: 'Dort wird die Verbindung abgelehnt: Ein Gerät antwortet, aber ohne passenden Dienst, zum Beispiel ein alter Server.',
      timeout: 'Von dort kommt überhaupt keine Antwort: Vermutlich steht dort kein Gerät mehr, oder eine Firewall verwirft die Anfragen.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: [
      'Das können Sie nicht selbst beheben. ' + HAND_TO_SUPPORT.de,
      'Bis dahin hilft oft, Outlook neu zu starten: Es versucht dann eventuell eine andere Adresse.',
    ],
    admin: [
      'Alle Adressen des Namens: Resolve-DnsName {{host}} -DnsOnly (A und AAAA); jede einzeln testen: Test-NetConnection <Adresse> -Port {{port}}.',
      'Reste von DNS-Round-Robin: A/AAAA-Einträge abgebauter oder gewarteter Server entfernen, z. B. Remove-DnsServerResourceRecord -ZoneName <Zone> -RRType A -Name <Name> -RecordData <IP>; auch in der externen Zone bzw. bei Split DNS.',
      'Load Balancer: Ist jede virtuelle IP aktiv, und nimmt die Verfügbarkeitsprüfung (z. B. /owa/healthcheck.htm) ausgefallene Server aus dem Pool?',
      'Die TTL des Eintrags beachten: Clients behalten die alte Antwort bis zum Ablauf im Zwischenspeicher (ipconfig /flushdns).',
    ],
  },
  'lb.inconsistent': {
    title: 'Adressen desselben Servers antworten unterschiedlich',
    detail:
      'Hinter dem Namen {{host}} stehen mehrere Adressen, und die antworten nicht gleich. Outlook landet mal hier, mal dort. Deshalb klappt die Verbindung mal und mal nicht, und Outlook zeigt zeitweise „Getrennt“.',
    notes: {
      certificate: 'Sie zeigen unterschiedliche Zertifikate ({{certDiff}}).',
      status: 'Dieselbe Anfrage bekommt unterschiedliche Antworten ({{statusDiff}}).',
      auth: 'Sie bieten unterschiedliche Anmeldeverfahren an ({{authDiff}}).',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
    },
    user: ['Das können Sie nicht selbst beheben. ' + HAND_TO_SUPPORT.de],
    admin: [
      'Jede Adresse einzeln abfragen: curl.exe -sk --resolve {{host}}:443:<Adresse> https://{{host}}/owa/healthcheck.htm; Zertifikat: openssl s_client -connect <Adresse>:443 -servername {{host}}.',
      'Zertifikate: Get-ExchangeCertificate auf jedem Server vergleichen (Thumbprint, NotAfter, Services IIS); nach einer Erneuerung alle Server und den Load Balancer umstellen.',
      'Statuscodes und Anmeldeverfahren: virtuelle Verzeichnisse je Server vergleichen (Get-MapiVirtualDirectory -Server <Server> | Format-List *Authentication*, Get-OutlookAnywhere); Health-Checks und Pool-Mitglieder am Load Balancer prüfen.',
      'Server in Wartung aus Pool und DNS nehmen: Set-ServerComponentState <Server> -Component ServerWideOffline -State Inactive -Requester Maintenance lässt healthcheck.htm fehlschlagen.',
    ],
  },
};

export const en: FindingTextTable = {
  'lb.dead-address': {
    title: 'One of the server\'s addresses does not answer',
    detail:
      'The name {{host}} has {{total}} addresses. Not reachable on port {{port}}: {{dead}}. At least one other address answers. Outlook takes one address one time and another the next. When it hits an unreachable one, the connection hangs and Outlook shows "Disconnected" now and then – on some computers more often than on others.',
    notes: {
      refused: 'The connection is refused there: a device answers, but without the right service, for example an old server.',
      timeout: 'No answer at all comes from there: probably no device is there any more, or a firewall drops the requests.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: [
      'You cannot fix this yourself. ' + HAND_TO_SUPPORT.en,
      'Until then, restarting Outlook often helps: it may then try another address.',
    ],
    admin: [
      'All addresses of the name: Resolve-DnsName {{host}} -DnsOnly (A and AAAA); test each one: Test-NetConnection <address> -Port {{port}}.',
      'DNS round robin leftovers: remove A/AAAA records of retired servers or servers in maintenance, e.g. Remove-DnsServerResourceRecord -ZoneName <zone> -RRType A -Name <name> -RecordData <IP>; in the external zone too, or with split DNS.',
      'Load balancer: is every virtual IP active, and does the availability check (e.g. /owa/healthcheck.htm) take failed servers out of the pool?',
      'Mind the record\'s TTL: clients keep the old answer in their cache until it expires (ipconfig /flushdns).',
    ],
  },
  'lb.inconsistent': {
    title: 'Addresses of the same server answer differently',
    detail:
      'Several addresses stand behind the name {{host}}, and they do not answer alike. Outlook lands on one, then on another. So the connection works sometimes and sometimes not, and Outlook shows "Disconnected" now and then.',
    notes: {
      certificate: 'They show different certificates ({{certDiff}}).',
      status: 'The same request gets different answers ({{statusDiff}}).',
      auth: 'They offer different sign-in methods ({{authDiff}}).',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
    },
    user: ['You cannot fix this yourself. ' + HAND_TO_SUPPORT.en],
    admin: [
      'Query each address on its own: curl.exe -sk --resolve {{host}}:443:<address> https://{{host}}/owa/healthcheck.htm; certificate: openssl s_client -connect <address>:443 -servername {{host}}.',
      'Certificates: compare Get-ExchangeCertificate on every server (Thumbprint, NotAfter, Services IIS); after a renewal switch all servers and the load balancer.',
      'Status codes and sign-in methods: compare the virtual directories per server (Get-MapiVirtualDirectory -Server <server> | Format-List *Authentication*, Get-OutlookAnywhere); check health checks and pool members on the load balancer.',
      'Take servers in maintenance out of the pool and DNS: Set-ServerComponentState <server> -Component ServerWideOffline -State Inactive -Requester Maintenance makes healthcheck.htm fail.',
    ],
  },
};
