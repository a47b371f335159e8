import type { FindingTextTable } from '../finding-texts';

/** Section `physical`: cable, dock, VLAN, DHCP, gateway. */
export const de: FindingTextTable = {
  'net.no-interface': {
    title: 'Keine Netzwerkverbindung',
    detail:
      'Dieser Computer ist mit keinem Netzwerk verbunden: Weder ein Netzwerkkabel noch das WLAN ist aktiv. Ohne Netzwerk kann Outlook den Exchange-Server nicht erreichen und zeigt deshalb „Getrennt“.',
    notes: {
      'virtual-only': 'Aktiv sind nur virtuelle Adapter ({{virtual}}). Sie gehören zu Programmen auf diesem Computer und führen nicht ins Firmennetz.',
      'adapters-disconnected':
        'Windows meldet diese Adapter als getrennt: {{disconnected}}. Beim Netzwerkkabel heißt das: Es steckt nicht, oder die Gegenstelle (Wanddose, Dockingstation, Telefon) gibt kein Signal; beim WLAN: Es ist mit keinem Netz verbunden.',
      'adapters-disabled': 'Diese Adapter sind in Windows ausgeschaltet (deaktiviert): {{disabled}}. Unter Netzwerkverbindungen (Windows-Taste + R, „ncpa.cpl“) lassen sie sich mit Rechtsklick > „Aktivieren“ wieder einschalten.',
    },
    user: [
      'Prüfen Sie, ob das Netzwerkkabel an beiden Enden fest steckt: am Computer oder an der Dockingstation und an der Wanddose oder am Telefon.',
      'Wenn Sie eine Dockingstation benutzen: Nehmen Sie den Laptop kurz heraus und setzen Sie ihn wieder ganz ein.',
      'Im WLAN: Klicken Sie unten rechts auf das Netzwerksymbol. Prüfen Sie, ob das WLAN eingeschaltet und mit dem Firmen-WLAN verbunden ist und ob der Flugzeugmodus aus ist.',
      'Fragen Sie Kolleginnen oder Kollegen in der Nähe, ob ihr Netzwerk funktioniert. Dann weiß der IT-Support gleich, ob nur Ihr Computer betroffen ist.',
    ],
    admin: [
      'Link-Status: Get-NetAdapter | Format-Table Name, InterfaceDescription, Status, LinkSpeed, oder ipconfig /all („Medium getrennt“).',
      'Switch-Port: Link und Fehlerzähler, 802.1X/NAC-Status, Port-Security, err-disabled, richtiges VLAN. Hängt der PC an einem IP-Telefon: PC-Port und PoE des Telefons prüfen.',
      'Dockingstation: Firmware und Treiber der Dock-Netzwerkkarte (USB/Thunderbolt), Energiesparoptionen des Adapters (Get-NetAdapterPowerManagement).',
      'Ereignisanzeige, System-Log: Link-Down/Up-Meldungen des Netzwerktreibers (Flapping) zum Zeitpunkt der Störung.',
    ],
  },
  'net.apipa-only': {
    title: 'Keine gültige Netzwerkadresse erhalten',
    detail:
      'Der Computer ist zwar mit dem Netzwerk verbunden ({{interfaces}}), hat vom Netzwerk aber keine Adresse bekommen. Er hat sich selbst eine Notadresse gegeben ({{address}}). Damit erreicht er keinen Server, auch nicht den Exchange-Server. Deshalb zeigt Outlook „Getrennt“.',
    notes: {
      'exchange-reachable': 'Der Exchange-Server hat trotzdem geantwortet (vermutlich über IPv6). Outlook ist deshalb im Moment nicht betroffen, andere Programme aber schon.',
    },
    user: [
      'Ziehen Sie das Netzwerkkabel ab, warten Sie zehn Sekunden und stecken Sie es wieder ein. Im WLAN: WLAN aus- und wieder einschalten.',
      'Wenn der Computer über ein Telefon oder eine Dockingstation angeschlossen ist: Stecken Sie das Kabel testweise direkt in die Wanddose.',
      'Hilft das nicht, starten Sie den Computer neu.',
      'Sagen Sie dem IT-Support, an welcher Netzwerkdose oder in welchem WLAN Sie sind.',
    ],
    admin: [
      'Adresse und DHCP: ipconfig /all (Autokonfiguration, 169.254.x.x), dann ipconfig /release und ipconfig /renew; Ereignisanzeige „Microsoft-Windows-Dhcp-Client“.',
      'Switch-Port: richtiges Access-VLAN (bei IP-Telefonen Daten- vs. Voice-VLAN), 802.1X/NAC-Ergebnis, DHCP-Snooping, Port-Security.',
      'DHCP: Relay (ip helper-address) im Client-VLAN, freie Leases im Bereich, Protokoll des DHCP-Servers.',
      'WLAN: Zuordnung SSID → VLAN am Controller und DHCP im jeweiligen Netz.',
    ],
  },
  'net.no-gateway': {
    title: 'Kein Weg aus dem eigenen Netz',
    detail:
      'Der Computer hat eine Netzwerkadresse, kennt aber keinen Weg in andere Netze (kein „Standardgateway“). Er erreicht nur Geräte in seinem eigenen Netzabschnitt. Steht der Exchange-Server woanders, kommt Outlook nicht zu ihm durch und zeigt „Getrennt“.',
    notes: {
      'exchange-reachable':
        'Der Exchange-Server war trotzdem erreichbar (im selben Netz oder über eine VPN-Route). Outlook ist deshalb im Moment nicht betroffen, das Internet und andere Server aber vermutlich schon.',
    },
    user: [
      'Trennen Sie die Netzwerkverbindung und verbinden Sie sich neu: Kabel ab und wieder an, oder WLAN aus und wieder ein.',
      'Wenn ein VPN-Programm läuft: Trennen Sie das VPN und verbinden Sie es neu.',
      'Hilft das nicht, starten Sie den Computer neu.',
    ],
    admin: [
      'Routing-Tabelle: route print oder Get-NetRoute -DestinationPrefix 0.0.0.0/0,::/0; Gateway in ipconfig /all.',
      'DHCP-Option 3 (Router) im Bereich des Client-VLANs; bei statischer Konfiguration das Gateway eintragen.',
      'VPN-Clients mit Split-Tunnel entfernen oder ersetzen teils die Standardroute: Routen vor und nach dem Verbinden/Trennen vergleichen.',
    ],
  },
};

export const en: FindingTextTable = {
  'net.no-interface': {
    title: 'No network connection',
    detail:
      'This computer is not connected to any network: neither a network cable nor Wi-Fi is active. Without a network Outlook cannot reach the Exchange server, so it shows "Disconnected".',
    notes: {
      'virtual-only': 'Only virtual adapters are active ({{virtual}}). They belong to programs on this computer and do not lead into the company network.',
      'adapters-disconnected':
        'Windows reports these adapters as disconnected: {{disconnected}}. For a network cable that means it is not plugged in, or the other end (wall socket, docking station, phone) gives no signal; for Wi-Fi: it is not connected to any network.',
      'adapters-disabled': 'These adapters are switched off (disabled) in Windows: {{disabled}}. Under Network Connections (Windows key + R, "ncpa.cpl") they can be switched on again with right-click > "Enable".',
    },
    user: [
      'Check that the network cable sits firmly at both ends: at the computer or docking station, and at the wall socket or phone.',
      'If you use a docking station: take the laptop out briefly and put it back in all the way.',
      'On Wi-Fi: click the network icon at the bottom right. Check that Wi-Fi is on and connected to the company network, and that airplane mode is off.',
      'Ask colleagues nearby whether their network works. Then IT support knows at once whether only your computer is affected.',
    ],
    admin: [
      'Link state: Get-NetAdapter | Format-Table Name, InterfaceDescription, Status, LinkSpeed, or ipconfig /all ("Media disconnected").',
      'Switch port: link and error counters, 802.1X/NAC state, port security, err-disabled, correct VLAN. PC behind an IP phone: check the phone\'s PC port and PoE.',
      'Docking station: firmware and driver of the dock NIC (USB/Thunderbolt), power saving options of the adapter (Get-NetAdapterPowerManagement).',
      'Event Viewer, System log: link down/up messages of the network driver (flapping) at the time of the outage.',
    ],
  },
  'net.apipa-only': {
    title: 'No valid network address received',
    detail:
      'The computer is connected to the network ({{interfaces}}) but did not get an address from it. It gave itself an emergency address ({{address}}), with which it reaches no server, not the Exchange server either. That is why Outlook shows "Disconnected".',
    notes: {
      'exchange-reachable': 'The Exchange server answered anyway (probably over IPv6). Outlook is not affected right now, but other programs are.',
    },
    user: [
      'Unplug the network cable, wait ten seconds and plug it back in. On Wi-Fi: turn Wi-Fi off and on again.',
      'If the computer is connected through a phone or a docking station: as a test, plug the cable directly into the wall socket.',
      'If that does not help, restart the computer.',
      'Tell IT support which network socket or Wi-Fi you are using.',
    ],
    admin: [
      'Address and DHCP: ipconfig /all (autoconfiguration, 169.254.x.x), then ipconfig /release and ipconfig /renew; Event Viewer "Microsoft-Windows-Dhcp-Client".',
      'Switch port: correct access VLAN (data vs. voice VLAN with IP phones), 802.1X/NAC result, DHCP snooping, port security.',
      'DHCP: relay (ip helper-address) in the client VLAN, free leases in the scope, DHCP server log.',
      'Wi-Fi: SSID → VLAN mapping on the controller and DHCP in that network.',
    ],
  },
  'net.no-gateway': {
    title: 'No way out of the local network',
    detail:
      'The computer has a network address but knows no way into other networks (no "default gateway"). It reaches only devices in its own network segment. If the Exchange server is elsewhere, Outlook cannot get through to it and shows "Disconnected".',
    notes: {
      'exchange-reachable':
        'The Exchange server was reachable anyway (same network, or a VPN route). Outlook is not affected right now, but the internet and other servers probably are.',
    },
    user: [
      'Disconnect from the network and connect again: cable out and back in, or Wi-Fi off and on.',
      'If a VPN program is running: disconnect the VPN and connect it again.',
      'If that does not help, restart the computer.',
    ],
    admin: [
      'Routing table: route print or Get-NetRoute -DestinationPrefix 0.0.0.0/0,::/0; gateway in ipconfig /all.',
      'DHCP option 3 (router) in the client VLAN\'s scope; with a static configuration, add the gateway.',
      'Split-tunnel VPN clients sometimes remove or replace the default route: compare routes before and after connecting/disconnecting.',
    ],
  },
};
