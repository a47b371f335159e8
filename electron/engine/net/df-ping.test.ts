import { access, constants } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dfPing, dfPingCommand, dfPingOutcome } from './df-ping';
import { dfSweep } from './df-sweep';

const LINUX_REPLY = `PING 203.0.113.66 (203.0.113.66) 1372(1400) bytes of data.
1380 bytes from 203.0.113.66: icmp_seq=1 ttl=63 time=0.034 ms

--- 203.0.113.66 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
`;
const LINUX_NO_REPLY = `PING 203.0.113.66 (203.0.113.66) 1373(1401) bytes of data.

--- 203.0.113.66 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms
`;
const LINUX_FRAG_NEEDED = `PING 203.0.113.66 (203.0.113.66) 1472(1500) bytes of data.
From 198.51.100.1 icmp_seq=1 Frag needed and DF set (mtu = 1400)

--- 203.0.113.66 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
`;
// Windows answers in the user's language and exits 0 even for these error replies.
const WINDOWS_REPLY_DE = `Ping wird ausgeführt für 203.0.113.66 mit 1372 Bytes Daten:
Antwort von 203.0.113.66: Bytes=1372 Zeit<1ms TTL=63

Ping-Statistik für 203.0.113.66:
    Pakete: Gesendet = 1, Empfangen = 1, Verloren = 0
`;
const WINDOWS_FRAG_DE = `Ping wird ausgeführt für 203.0.113.66 mit 1472 Bytes Daten:
Paket müsste fragmentiert werden, DF-Flag ist jedoch gesetzt.

Ping-Statistik für 203.0.113.66:
    Pakete: Gesendet = 1, Empfangen = 0, Verloren = 1
`;
const WINDOWS_UNREACHABLE_EN = `Pinging 203.0.113.66 with 1472 bytes of data:
Reply from 198.51.100.1: Destination host unreachable.

Ping statistics for 203.0.113.66:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
`;

describe('DF ping: command and outcome', () => {
  it('sets "do not fragment" with fixed arguments per platform', () => {
    expect(dfPingCommand('linux', 4, '203.0.113.66', 1372, 500)).toEqual({
      kind: 'program',
      program: ['/usr/bin/ping', '/bin/ping'],
      args: ['-4', '-n', '-M', 'do', '-s', '1372', '-c', '1', '-W', '0.500', '203.0.113.66'],
    });
    expect(dfPingCommand('linux', 6, '2001:db8::1', 1232, 1000)).toMatchObject({ args: ['-6', '-n', '-M', 'do', '-s', '1232', '-c', '1', '-W', '1.000', '2001:db8::1'] });
    const windows = dfPingCommand('win32', 4, '203.0.113.66', 1472, 700);
    expect(windows?.kind === 'program' && windows.program[0]).toMatch(/System32\\PING\.EXE$/i);
    expect(windows?.kind === 'program' && windows.args).toEqual(['-4', '-n', '1', '-w', '700', '-f', '-l', '1472', '203.0.113.66']);
    expect(dfPingCommand('darwin', 4, '203.0.113.66', 1472, 700)).toEqual({
      kind: 'program',
      program: ['/sbin/ping'],
      args: ['-n', '-D', '-s', '1472', '-c', '1', '-W', '700', '203.0.113.66'],
    });
    expect(dfPingCommand('darwin', 6, '2001:db8::1', 1452, 700)).toBeNull();
    expect(dfPingCommand('freebsd', 4, '203.0.113.66', 1452, 700)).toBeNull();
  });

  it.each([
    ['linux', LINUX_REPLY, 0, 'reply'],
    ['linux', LINUX_NO_REPLY, 1, 'no-reply'],
    ['linux', LINUX_FRAG_NEEDED, 1, 'no-reply'],
    ['linux', '', 2, 'unusable'],
    ['win32', WINDOWS_REPLY_DE, 0, 'reply'],
    ['win32', WINDOWS_FRAG_DE, 1, 'no-reply'],
    ['win32', WINDOWS_UNREACHABLE_EN, 0, 'no-reply'],
  ] as const)('%s: reads %j (exit %i) as %s', (platform, stdout, exitCode, expected) => {
    expect(dfPingOutcome(platform, { outcome: 'ok', exitCode, stdout, stderr: exitCode === 2 ? 'ping: socket: Operation not permitted' : '' })).toBe(expected);
  });

  it('reads a missing program as unusable, not as "no reply"', () => {
    expect(dfPingOutcome('linux', { outcome: 'not-available', exitCode: null, stdout: '', stderr: '' })).toBe('unusable');
  });
});

const linuxPing = process.platform === 'linux' && (await access('/usr/bin/ping', constants.X_OK).then(() => true, () => false));
if (!linuxPing) console.warn('df-ping: real pings skipped: needs Linux with /usr/bin/ping (Debian: iputils-ping)');

describe.skipIf(!linuxPing)('DF ping on loopback (real ping)', () => {
  it('gets a reply for a full Ethernet payload on loopback (MTU 65536), and the sweep stops there', async () => {
    const signal = AbortSignal.timeout(5_000);
    expect(await dfPing({ family: 4, address: '127.0.0.1', payload: 1472, waitMs: 1000, signal })).toBe('reply');
    expect(await dfSweep(4, (payload) => dfPing({ family: 4, address: '127.0.0.1', payload, waitMs: 1000, signal }), signal)).toEqual({ largestPassingPayload: 1472 });
  });

  it('gets no reply for a payload no packet can carry with DF set', async () => {
    // 65536-byte loopback MTU − 28 bytes of headers: one byte more than fits.
    expect(await dfPing({ family: 4, address: '127.0.0.1', payload: 65_509, waitMs: 300, signal: AbortSignal.timeout(5_000) })).not.toBe('reply');
  });
});
