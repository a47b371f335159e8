import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSample } from '../../../e2e/fixtures/samples';
import { decodeOutput } from './console-text';
import { parseIpconfigAll } from './ipconfig-all';

describe('parseIpconfigAll', () => {
  it('reads a real German Windows 11 capture: gateways and DNS servers on continuation lines', () => {
    const data = parseIpconfigAll(readSample('windows-cmd/ipconfig-all-de-windows11-home.txt'))!;
    expect(data.hostName).toBe('vujh');
    expect(data.dnsSuffixSearchList).toEqual(['fritz.box']);
    expect(data.adapters.map((a) => a.name)).toEqual([
      'Ethernet',
      'vEthernet (WSL (Hyper-V firewall))',
      'LAN-Verbindung* 3',
      'LAN-Verbindung* 4',
      'WLAN',
      'Bluetooth-Netzwerkverbindung',
    ]);
    const wlan = data.adapters.find((a) => a.name === 'WLAN')!;
    expect(wlan.type).toBe('wireless');
    expect(wlan.description).toBe('MediaTek Wi-Fi 6 MT7921 Wireless LAN Card');
    expect(wlan.physicalAddress).toBe('D0-39-57-78-A7-C3');
    expect(wlan.dhcpEnabled).toBe(true);
    expect(wlan.ipv4).toEqual([{ address: '192.168.178.23', subnetMask: '255.255.255.0', status: 'bevorzugt' }]);
    expect(wlan.ipv6.map((a) => a.kind)).toEqual(['global', 'temporary', 'link-local']);
    expect(wlan.ipv6[2]).toMatchObject({ address: 'fe80::e436:d5b3:2c27:c44e', scopeId: 5 });
    expect(wlan.defaultGateways).toEqual(['fe80::62b5:8dff:fe35:646d%5', '192.168.178.1']);
    expect(wlan.dnsServers).toEqual(['fd00::62b5:8dff:fe35:646d', '2a04:9546:19ba:af01:62b5:8dff:fe35:646d', '192.168.178.1']);
    expect(data.adapters[0]!.mediaDisconnected).toBe(true);
    expect(wlan.mediaDisconnected).toBe(false);
  });

  it('reads a real German domain-joined capture whose first lines lost their layout', () => {
    const data = parseIpconfigAll(readSample('windows-cmd/ipconfig-all-de-domainjoined-partial.txt'))!;
    expect(data.hostName).toBe('R406');
    expect(data.primaryDnsSuffix).toBe('training.erfurt.iad.de');
    const lan = data.adapters.find((a) => a.name === 'Ethernet 2')!;
    expect(lan.connectionDnsSuffix).toBe('training.erfurt.iad.de');
    expect(lan.defaultGateways).toEqual(['10.50.104.1']);
    expect(lan.dhcpServer).toBe('10.50.100.25');
    expect(lan.dnsServers).toEqual(['10.50.100.159', '10.50.100.158']);
    expect(data.adapters.find((a) => a.name === 'vEthernet (intern)')!.defaultGateways).toEqual([]);
  });

  it('reads real English captures (Windows 7, 10, 11) and marks VPN adapters by description', () => {
    const win10 = parseIpconfigAll(readSample('windows-cmd/ipconfig-all-en-windows-10-jc.txt'))!;
    expect(win10.dnsSuffixSearchList).toEqual(['tailff123.ts.net', 'internal.companyname.com']);
    const tailscale = win10.adapters.find((a) => a.name === 'Tailscale')!;
    expect(tailscale).toMatchObject({ type: 'unknown', physicalAddress: null, vpn: { reason: expect.any(String) as string } });
    const win11 = parseIpconfigAll(readSample('windows-cmd/ipconfig-all-en-windows-11-jc.txt'))!;
    // "Local Area Connection" says nothing; its description "TAP-NordVPN Windows Adapter V9" does.
    expect(win11.adapters.find((a) => a.name === 'Local Area Connection')!.vpn).not.toBeNull();
    expect(win11.adapters.find((a) => a.name === 'Wi-Fi')!.defaultGateways).toEqual(['192.168.1.1']);
    expect(win11.adapters.find((a) => a.name === 'Wi-Fi')!.vpn).toBeNull();
    const win7 = parseIpconfigAll(readSample('windows-cmd/ipconfig-all-en-windows-7-jc.txt'))!;
    expect(win7.primaryDnsSuffix).toBe('somecompany.corp');
    expect(win7.adapters.map((a) => a.type)).toEqual(['ethernet', 'tunnel']);
  });

  it('reads German output printed in OEM code page 850 (how the console pipes it) like the UTF-8 text', () => {
    const text = readSample('windows-cmd/ipconfig-all-de-windows11-home.txt').replace(/\n/g, '\r\n');
    const oem = iconv.encode(text, 'cp850');
    expect(oem.includes(Buffer.from('Prim\x84res', 'latin1'))).toBe(true);
    const decoded = decodeOutput(oem, 'console', 850);
    expect(decoded).toContain('Primäres DNS-Suffix');
    expect(parseIpconfigAll(decoded)).toEqual(parseIpconfigAll(text));
  });

  it('returns null for text that is not ipconfig output', () => {
    expect(parseIpconfigAll('Der Befehl "ipconfig" ist entweder falsch geschrieben oder\r\nkonnte nicht gefunden werden.\r\n')).toBeNull();
  });
});
