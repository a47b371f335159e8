import { describe, expect, it } from 'vitest';
import { BridgeUsageError, parseBridgeArgs } from './bridge-args';

describe('parseBridgeArgs', () => {
  it('starts without engine options by default', () => {
    expect(parseBridgeArgs([])).toEqual({ port: 0, rendererDir: undefined, testMode: false, base: {} });
  });

  it('accepts engine options only in test mode', () => {
    expect(() => parseBridgeArgs(['--dns-server', '127.0.0.1:53'])).toThrow(BridgeUsageError);
    expect(() => parseBridgeArgs(['--no-proxy'])).toThrow(/--test-mode/);
    expect(
      parseBridgeArgs(['--test-mode', '--dns-server', '127.0.0.1:5353', '--ca-file', 'ca.pem', '--connectivity-url', 'http://127.0.0.1:1/x', '--timeout', '4', '--no-proxy', '--hosts-file', 'hosts']),
    ).toEqual({
      port: 0,
      rendererDir: undefined,
      testMode: true,
      base: { dnsServers: ['127.0.0.1:5353'], caFiles: ['ca.pem'], connectivityUrl: 'http://127.0.0.1:1/x', timeoutSeconds: 4, noProxy: true, hostsFile: 'hosts' },
    });
  });

  it('refuses unknown options and bad numbers', () => {
    expect(() => parseBridgeArgs(['--host', '0.0.0.0'])).toThrow(BridgeUsageError);
    expect(() => parseBridgeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseBridgeArgs(['--test-mode', '--timeout', 'soon'])).toThrow(/--timeout/);
  });
});
