import type { FindingTextTable } from '../finding-texts';

/** Section `network-change`: several adapters, changes while probing. */
export const de: FindingTextTable = {
  'net.multiple-active': {
    title: 'Mehrere Netzwerkverbindungen gleichzeitig aktiv',
    detail:
      'Dieser Computer ist gleichzeitig über {{adapterCount}} Verbindungen im Netz: {{interfaces}}. Windows entscheidet selbst, welche es benutzt. Fällt eine davon aus oder führt sie ins falsche Netz, wechselt der Weg zum Exchange-Server. Outlook kann dann kurz „Getrennt“ zeigen.',
    notes: {
      'lan-and-wlan': 'Kabel und WLAN sind beide aktiv. Ein Fehler am Kabelanschluss (zum Beispiel ein falsches Netz) fällt dann oft erst auf, wenn das WLAN wegfällt.',
    },
    user: [
      'Wenn Sie am Schreibtisch mit Kabel arbeiten: Schalten Sie testweise das WLAN aus und prüfen Sie, ob Outlook verbunden bleibt.',
      'Wenn Outlook nur mit WLAN funktioniert: Sagen Sie dem IT-Support, an welcher Netzwerkdose Sie sitzen.',
    ],
    admin: [
      'Aktive Adapter und Metriken: Get-NetIPInterface | Sort-Object InterfaceMetric; Get-NetRoute -DestinationPrefix 0.0.0.0/0.',
      'Jeden Adapter einzeln testen (den anderen deaktivieren): Adresse, VLAN, DNS-Server, Test-NetConnection <Exchange-Server> -Port 443.',
      'Für Notebooks an Docks: Gruppenrichtlinie „Anzahl gleichzeitiger Verbindungen mit dem Internet oder einer Windows-Domäne minimieren“ oder die Treiberoption der WLAN-Karte zum Abschalten bei LAN-Verbindung.',
    ],
  },
  'net.changed-during-run': {
    title: 'Netzwerk hat sich während der Prüfung geändert',
    detail:
      'Während der Prüfung hat sich die Netzwerkverbindung dieses Computers geändert: {{changes}}. Bei so einem Wechsel brechen bestehende Verbindungen ab, und Outlook zeigt „Getrennt“, bis es sich neu verbunden hat. Ergebnisse vor und nach dem Wechsel können sich widersprechen.',
    user: [
      'Haben Sie während der Prüfung den Laptop aus der Dockingstation genommen, das WLAN gewechselt oder ein VPN verbunden? Dann ist diese Meldung erklärt. Starten Sie die Prüfung noch einmal, ohne dabei etwas zu ändern.',
      'Wenn Sie nichts geändert haben: Notieren Sie die Uhrzeit und melden Sie es dem IT-Support. Ein Netzwerk, das von selbst wechselt, deutet auf einen Wackelkontakt oder ein schwaches WLAN hin.',
    ],
    admin: [
      'Ereignisanzeige zum Zeitpunkt der Prüfung: „Microsoft-Windows-NetworkProfile/Operational“, „WLAN-AutoConfig/Operational“ und das System-Log (Link down/up).',
      'WLAN: Roaming zwischen Access Points, Signalstärke (netsh wlan show interfaces), Band-Steering.',
      'Nach einem Wechsel in ein anderes Netz Autodiscover und Proxy (WPAD/PAC) für dieses Netz prüfen: interne oder externe URL, Proxy-Pflicht.',
      'Für sporadische Aussetzer den Dauertest laufen lassen (outlook-doktor monitor); er protokolliert Netzwerkwechsel mit.',
    ],
  },
};

export const en: FindingTextTable = {
  'net.multiple-active': {
    title: 'Several network connections active at once',
    detail:
      'This computer is on the network through {{adapterCount}} connections at once: {{interfaces}}. Windows decides by itself which one it uses. If one of them drops or leads into the wrong network, the path to the Exchange server changes, and Outlook may briefly show "Disconnected".',
    notes: {
      'lan-and-wlan': 'Cable and Wi-Fi are both active. A fault on the cable side (for example a wrong network) then often shows only when Wi-Fi drops.',
    },
    user: [
      'If you work at your desk with a cable: as a test, turn Wi-Fi off and check whether Outlook stays connected.',
      'If Outlook works only over Wi-Fi: tell IT support which network socket you are using.',
    ],
    admin: [
      'Active adapters and metrics: Get-NetIPInterface | Sort-Object InterfaceMetric; Get-NetRoute -DestinationPrefix 0.0.0.0/0.',
      'Test each adapter on its own (disable the other): address, VLAN, DNS servers, Test-NetConnection <Exchange server> -Port 443.',
      'For docked notebooks: group policy "Minimize the number of simultaneous connections to the Internet or a Windows Domain", or the Wi-Fi driver option that disables Wi-Fi on a wired connection.',
    ],
  },
  'net.changed-during-run': {
    title: 'The network changed during the check',
    detail:
      'This computer\'s network connection changed during the check: {{changes}}. Such a change breaks existing connections, and Outlook shows "Disconnected" until it has reconnected. Results from before and after the change may contradict each other.',
    user: [
      'Did you undock the laptop, switch Wi-Fi or connect a VPN during the check? Then that explains this message. Run the check again without changing anything.',
      'If you changed nothing: note the time and tell IT support. A network that changes by itself points to a loose contact or weak Wi-Fi.',
    ],
    admin: [
      'Event Viewer at the time of the check: "Microsoft-Windows-NetworkProfile/Operational", "WLAN-AutoConfig/Operational" and the System log (link down/up).',
      'Wi-Fi: roaming between access points, signal strength (netsh wlan show interfaces), band steering.',
      'After moving into another network, check Autodiscover and proxy (WPAD/PAC) for that network: internal or external URL, mandatory proxy.',
      'For intermittent drop-outs, run the continuous test (outlook-doktor monitor); it records network changes too.',
    ],
  },
};
