import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../../e2e/fixtures/collectors';
import { readSample } from '../../../e2e/fixtures/samples';
import { parseIpconfigAll } from '../collectors/ipconfig-all';
import { parseNetstatRoutes } from '../collectors/netstat-routes';
import { parseRoutePrint } from '../collectors/route-print';
import { defaultRoutesFromTable, readInterfaces } from './local-network';

function nic(address: string, family: 'IPv4' | 'IPv6' = 'IPv4', mac = '00:ff:4c:f4:5e:49'): os.NetworkInterfaceInfo {
  return { address, family, mac, internal: false, netmask: family === 'IPv4' ? '255.255.255.0' : 'ffff:ffff:ffff:ffff::', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) } as os.NetworkInterfaceInfo;
}

describe('local network with the collectors\' facts (Windows, macOS)', () => {
  it('marks a VPN adapter that only its ipconfig description gives away', () => {
    const ipconfig = parseIpconfigAll(readSample('windows-cmd/ipconfig-all-en-windows-11-jc.txt'));
    const raw = { 'Local Area Connection': [nic('10.8.0.6')], 'Wi-Fi': [nic('192.168.1.169', 'IPv4', 'a8:7e:ea:55:26:b0')] };
    expect(readInterfaces(raw).find((i) => i.name === 'Local Area Connection')!.vpn).toBeNull();
    const withFacts = readInterfaces(raw, ipconfig);
    expect(withFacts.find((i) => i.name === 'Local Area Connection')).toMatchObject({ vpn: { reason: expect.any(String) as string }, description: 'TAP-NordVPN Windows Adapter V9' });
    expect(withFacts.find((i) => i.name === 'Wi-Fi')).toMatchObject({ vpn: null, medium: 'wireless', description: 'Intel(R) Wi-Fi 6 AX200 160MHz' });
  });

  it('takes Windows default routes from route print and names their interfaces', () => {
    const table = parseRoutePrint(readCollectorFixture('windows/route-print-de.txt'));
    const ipconfig = parseIpconfigAll(
      'Windows-IP-Konfiguration\r\n\r\nEthernet-Adapter Ethernet:\r\n\r\n   Beschreibung. . . . . . . . . . . : Intel(R) Ethernet Connection I219-LM\r\n   IPv4-Adresse  . . . . . . . . . . : 192.168.178.44(Bevorzugt)\r\n',
    );
    const interfaces = readInterfaces({ Ethernet: [nic('192.168.178.44')] }, ipconfig);
    expect(defaultRoutesFromTable(table, interfaces, ipconfig)).toEqual([
      { family: 4, gateway: '192.168.178.1', interface: 'Ethernet' },
      { family: 6, gateway: 'fe80::62b5:8dff:fe35:646d', interface: 'Ethernet' },
    ]);
  });

  it('takes macOS default routes from netstat; an on-link VPN default has no next hop', () => {
    const table = parseNetstatRoutes(readCollectorFixture('macos/netstat-rn.txt'));
    expect(defaultRoutesFromTable(table, [], null)).toEqual([
      { family: 4, gateway: '192.168.178.1', interface: 'en0' },
      { family: 4, gateway: '0.0.0.0', interface: 'utun3' },
      { family: 6, gateway: 'fe80::62b5:8dff:fe35:646d', interface: 'en0' },
    ]);
  });
});
