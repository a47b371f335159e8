import type { FindingTextTable } from '../finding-texts';
import { AUTODISCOVER_ONLY } from './common-notes';

/** Section `desktop-firewall`: TCP to the HTTPS port refused or dropped. */
export const de: FindingTextTable = {
  'tcp.unreachable': {
    title: 'Der Server nimmt keine Verbindung an',
    detail:
      '{{host}} ist unter keiner seiner Adressen ({{addresses}}) auf Port {{port}} erreichbar. Der Name wird gefunden, aber die Verbindung kommt nicht zustande. Ohne diese Verbindung kann Outlook den Server gar nicht ansprechen und zeigt „Getrennt“.',
    notes: {
      refused: 'Die Verbindung wurde sofort abgelehnt: Ein Gerät oder Programm auf dem Weg, oder der Server selbst, meldet „geschlossen“.',
      timeout: 'Es kam keinerlei Antwort: Die Anfrage wird unterwegs stillschweigend verworfen, zum Beispiel von einer Firewall oder einem Sicherheitsprogramm auf diesem Computer.',
      'no-route': 'Dieser Computer kennt keinen Weg zu diesen Adressen.',
      'other-path':
        'Eine Anfrage an denselben Server kam auf anderem Weg (über den Proxy) durch. Gesperrt ist nur die direkte Verbindung; Outlook kann über den Proxy arbeiten, wenn es ihn benutzt.',
      'autodiscover-only': AUTODISCOVER_ONLY.de,
      'public-network':
        'Windows stuft das Netzwerk {{publicNetworks}} als „Öffentlich“ ein. Dann gelten die Firewall-Regeln des öffentlichen Profils; was die IT nur für das Domänen- oder das private Netzwerk freigegeben hat, greift hier nicht.',
    },
    user: [
      'Öffnen Sie im Browser https://{{host}}/owa. Erscheint die Anmeldeseite von Outlook im Web, liegt das Problem wahrscheinlich an diesem Computer.',
      'Wenn auf dem Computer ein Sicherheitsprogramm (Virenschutz, Firewall) läuft, das kürzlich aktualisiert wurde: Sagen Sie es dem IT-Support.',
      'Fragen Sie Kolleginnen und Kollegen im selben Netz, ob sie das gleiche Problem haben. Wenn nicht, liegt es eher an Ihrem Computer.',
    ],
    admin: [
      'Verbindung testen: Test-NetConnection {{host}} -Port {{port}}, je Adresse Test-NetConnection <Adresse> -Port {{port}}.',
      'Lokale Firewall und Sicherheitsprodukte: Protokoll der Windows-Firewall (pfirewall.log), Get-NetFirewallRule -Direction Outbound -Action Block -Enabled True; Verhaltens- und Anwendungskontrolle der Endpoint-Software auf blockierte ausgehende Verbindungen von OUTLOOK.EXE prüfen.',
      'Netzwerk-Firewall zwischen Client-Netz und Exchange: Regel für TCP {{port}}. Bei „abgelehnt“ läuft dort eventuell kein Dienst (IIS-Bindung, virtuelle IP des Load Balancers).',
      'Ist ein Proxy Pflicht, sind direkte Verbindungen absichtlich gesperrt: dann den Proxy-Weg prüfen (netsh winhttp show proxy, Internetoptionen).',
      'Netzwerkprofil: `Get-NetConnectionProfile` (NetworkCategory) und `Get-NetFirewallProfile`. Ein Domänenmitglied im Firmennetz sollte „DomainAuthenticated“ zeigen; sonst hat die Netzwerkstandorterkennung keinen Domänencontroller erreicht, und Firewall-Regeln für das Domänenprofil gelten nicht.',
    ],
  },
};

export const en: FindingTextTable = {
  'tcp.unreachable': {
    title: 'The server accepts no connection',
    detail:
      '{{host}} cannot be reached on port {{port}} at any of its addresses ({{addresses}}). The name is found, but the connection does not come about. Without it Outlook cannot talk to the server at all and shows "Disconnected".',
    notes: {
      refused: 'The connection was refused at once: a device or program on the way, or the server itself, says "closed".',
      timeout: 'No answer at all came back: the request is silently dropped on the way, for example by a firewall or a security program on this computer.',
      'no-route': 'This computer knows no route to these addresses.',
      'other-path':
        'A request to the same server got through another way (through the proxy). Only the direct connection is blocked; Outlook can work through the proxy if it uses it.',
      'autodiscover-only': AUTODISCOVER_ONLY.en,
      'public-network':
        'Windows classifies the network {{publicNetworks}} as "Public". The firewall rules of the public profile then apply; what IT allowed only for the domain or the private network does not apply here.',
    },
    user: [
      'Open https://{{host}}/owa in the browser. If the Outlook on the web sign-in page appears, the problem is probably on this computer.',
      'If a security program (antivirus, firewall) runs on the computer and was updated recently: tell IT support.',
      'Ask colleagues in the same network whether they have the same problem. If not, it is more likely your computer.',
    ],
    admin: [
      'Test the connection: Test-NetConnection {{host}} -Port {{port}}, per address Test-NetConnection <address> -Port {{port}}.',
      'Local firewall and security products: Windows Firewall log (pfirewall.log), Get-NetFirewallRule -Direction Outbound -Action Block -Enabled True; check the endpoint software\'s behaviour/application control for blocked outgoing connections of OUTLOOK.EXE.',
      'Network firewall between client network and Exchange: rule for TCP {{port}}. With "refused", perhaps no service listens there (IIS binding, load balancer virtual IP).',
      'If a proxy is mandatory, direct connections are blocked on purpose: then check the proxy path (netsh winhttp show proxy, Internet Options).',
      'Network profile: `Get-NetConnectionProfile` (NetworkCategory) and `Get-NetFirewallProfile`. A domain member on the company network should show "DomainAuthenticated"; otherwise Network Location Awareness did not reach a domain controller, and firewall rules for the domain profile do not apply.',
    ],
  },
};
