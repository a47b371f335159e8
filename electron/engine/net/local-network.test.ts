import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../../e2e/fixtures/collectors';
import { isLinkLocal, mediumOf, parseProcRoutes, vpnReason } from './local-network';

const procRoutes = (capture: string) =>
  parseProcRoutes(readCollectorFixture(`linux/proc-net-route-${capture}.txt`), readCollectorFixture(`linux/proc-net-ipv6-route-${capture}.txt`));

describe('isLinkLocal', () => {
  it('IPv4: exactly 169.254.0.0/16 (APIPA)', () => {
    expect(isLinkLocal('169.254.0.1', 4)).toBe(true);
    expect(isLinkLocal('169.254.255.254', 4)).toBe(true);
    expect(isLinkLocal('169.253.255.255', 4)).toBe(false);
    expect(isLinkLocal('169.255.0.1', 4)).toBe(false);
    expect(isLinkLocal('192.168.178.44', 4)).toBe(false);
    expect(isLinkLocal('10.169.254.1', 4)).toBe(false);
  });

  it('IPv6: fe80::/10, that is fe80 to febf, in any letter case and with a zone', () => {
    for (const address of ['fe80::1', 'fe80::1c2d:3e4f:5a6b:7c8d', 'FE80::62B5:8DFF:FE35:646D', 'fe9a::1', 'feab::1', 'febf:ffff::1', 'fe80::1%eth0']) {
      expect(isLinkLocal(address, 6), address).toBe(true);
    }
    for (const address of ['fec0::1', 'fe7f::1', 'ff02::1', '2001:db8::10', 'fd42:42::6', '::1', '::']) {
      expect(isLinkLocal(address, 6), address).toBe(false);
    }
  });
});

describe('vpnReason', () => {
  it('knows tunnel interfaces by their name', () => {
    for (const name of ['tun0', 'tap0', 'utun3', 'ppp0', 'wg0', 'wintun', 'tailscale0', 'nordlynx', 'gpd0', 'ipsec0', 'ztabcdef12']) {
      expect(vpnReason(name), name).not.toBeNull();
    }
    expect(vpnReason('wintun')).toBe('tunnel interface name');
  });

  it('knows VPN products by the adapter description Windows gives them', () => {
    expect(vpnReason('Ethernet 3', 'TAP-Windows Adapter V9')).toBe('OpenVPN adapter');
    expect(vpnReason('Ethernet 2', 'Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64')).toBe('Cisco AnyConnect / Secure Client');
    expect(vpnReason('Ethernet 4', 'PANGP Virtual Ethernet Adapter Secure')).toBe('Palo Alto GlobalProtect');
    expect(vpnReason('Ethernet 5', 'Fortinet SSL VPN Virtual Ethernet Adapter')).toBe('FortiClient');
    expect(vpnReason('Firmen-VPN', 'WireGuard Tunnel')).toBe('WireGuard/Wintun adapter');
    expect(vpnReason('Ethernet 6', 'Juniper Networks Virtual Adapter')).toBe('Pulse Secure / Ivanti');
    expect(vpnReason('ZeroTier One [8056c2e21c000001]', 'ZeroTier Virtual Port')).toBe('VPN service');
    expect(vpnReason('Local Area Connection', 'TAP-NordVPN Windows Adapter V9')).not.toBeNull();
    expect(vpnReason('Büro VPN')).toBe('name contains VPN');
  });

  it('leaves ordinary and host-only adapters alone', () => {
    for (const [name, description] of [
      ['Ethernet', 'Intel(R) Ethernet Connection I219-LM'],
      ['WLAN', 'Intel(R) Wi-Fi 6 AX200 160MHz'],
      ['vEthernet (Default Switch)', 'Hyper-V Virtual Ethernet Adapter'],
      ['eth0', ''],
      ['enp0s31f6', ''],
      ['wlp2s0', ''],
      ['docker0', ''],
      ['lo', ''],
      ['Local Area Connection* 1', 'Microsoft Wi-Fi Direct Virtual Adapter'],
      // Tunnel names count as names only: a ZTE modem is no ZeroTier tunnel.
      ['Mobilfunk', 'ZTE Mobile Broadband Device'],
    ] as const) {
      expect(vpnReason(name, description), name).toBeNull();
    }
  });
});

describe('mediumOf', () => {
  it('tells wired from wireless by name (Linux, macOS) and description (Windows)', () => {
    expect(mediumOf('eth0')).toBe('wired');
    expect(mediumOf('enp0s31f6')).toBe('wired');
    expect(mediumOf('en0')).toBe('wired');
    expect(mediumOf('Ethernet', 'Intel(R) Ethernet Connection I219-LM')).toBe('wired');
    expect(mediumOf('LAN-Verbindung')).toBe('wired');
    expect(mediumOf('wlp2s0')).toBe('wireless');
    expect(mediumOf('wlan0')).toBe('wireless');
    expect(mediumOf('WLAN', 'Intel(R) Wi-Fi 6 AX200 160MHz')).toBe('wireless');
    expect(mediumOf('Wi-Fi')).toBe('wireless');
    expect(mediumOf('Drahtlosnetzwerkverbindung')).toBe('wireless');
    // A TAP adapter calls itself Ethernet; that it is a VPN is vpnReason's answer.
    expect(mediumOf('Ethernet 3', 'TAP-Windows Adapter V9')).toBe('wired');
  });

  it('host-only and loopback adapters are virtual, whatever their description', () => {
    for (const name of ['lo', 'lo0', 'docker0', 'br-3f2a', 'veth12ab', 'virbr0', 'vmnet8', 'vboxnet0', 'vEthernet (Default Switch)', 'awdl0', 'Loopback Pseudo-Interface 1']) {
      expect(mediumOf(name, 'Hyper-V Virtual Ethernet Adapter'), name).toBe('virtual');
    }
  });

  it('Windows\' "Local Area Connection" is not the loopback', () => {
    expect(mediumOf('Local Area Connection', 'Intel(R) 82574L Gigabit Network Connection')).toBe('unknown');
    expect(mediumOf('Local Area Connection 2', 'Realtek PCIe GbE Family Controller Ethernet')).toBe('wired');
  });

  it('unknown when neither name nor description tells', () => {
    expect(mediumOf('tun0')).toBe('unknown');
    expect(mediumOf('Mobilfunk', 'Qualcomm Snapdragon X55 5G')).toBe('unknown');
  });
});

describe('parseProcRoutes (Linux /proc/net/route and /proc/net/ipv6_route)', () => {
  it('reads the IPv4 default gateway of the offline namespace; its IPv6 has none (the kernel\'s reject route on lo is no route)', () => {
    expect(procRoutes('offline-namespace')).toEqual([{ family: 4, gateway: '192.0.2.1', interface: 'eth0' }]);
  });

  it('writes the IPv6 gateway in its short form', () => {
    expect(procRoutes('host')).toEqual([
      { family: 4, gateway: '192.0.2.1', interface: 'eth0' },
      { family: 6, gateway: 'fd00::1', interface: 'eth0' },
    ]);
  });

  it('keeps every default route in table order; a tunnel\'s on-link default has the gateway 0.0.0.0', () => {
    expect(procRoutes('tun-namespace')).toEqual([
      { family: 4, gateway: '0.0.0.0', interface: 'tun0' },
      { family: 4, gateway: '192.168.178.1', interface: 'eth0' },
      { family: 6, gateway: 'fe80::62b5:8dff:fe35:646d', interface: 'eth0' },
    ]);
  });

  it('skips routes that are not up, and header or broken lines', () => {
    const v4 = readCollectorFixture('linux/proc-net-route-offline-namespace.txt').replace('0003', '0002');
    expect(parseProcRoutes(v4, '')).toEqual([]);
    expect(parseProcRoutes('Iface\tDestination\tGateway\n\neth0\t00000000\n', 'garbage\n00000000000000000000000000000000 00 x 00 zz 00000400 00000001 00000000 00000003 eth0\n')).toEqual([]);
  });
});
