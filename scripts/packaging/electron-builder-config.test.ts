import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { decodePngToRgba } from '@shockpkg/icon-encoder';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES, iconSource, renderSvg } from './gen-icons';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * electron-builder.yml, read and validated the way electron-builder itself does it (its loader,
 * its JSON schema, offline), and the promises the installers make: hardened fuses, only the
 * built app packed, a per-user installer in German, icons in every size.
 */
describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(ROOT, null, null);
  });

  it('passes electron-builder 26\u2019s own configuration schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when a value is wrong (the check can fail)', async () => {
    const broken = { ...config, nsis: { ...config.nsis, oneClick: 'ja' } } as unknown as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/oneClick/);
    const unknown = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } } as unknown as Configuration;
    await expect(validateConfiguration(unknown, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('names the product and identifies the app', () => {
    expect(config.productName).toBe('Outlook-Doktor');
    expect(config.appId).toBe('de.outlook-doktor.app');
    expect(config.publish).toBeNull();
  });

  it('sets every security fuse for a hardened build', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs only the built app into one asar, without rebuilding dependencies', () => {
    // electron-builder's loader turns the list into one file set: `[{ filter: [...] }]`.
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(patterns).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.{ts,tsx,mts,cts}', '!**/*.test.*', '!**/*.spec.*', '!**/{e2e,docs,test,tests,__tests__}/**']));
    // Nothing from the source tree is named positively except the build output and package.json.
    expect(patterns.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    expect(config.asar).toEqual({ smartUnpack: false });
    expect(config.asarUnpack ?? null).toBeNull();
    expect(config.npmRebuild).toBe(false);
  });

  it('builds a per-user NSIS installer in German and a portable exe, neither asking for an administrator', () => {
    const targets = (config.win?.target as { target: string }[]).map((t) => t.target);
    expect(targets).toEqual(['nsis', 'portable']);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false, packElevateHelper: false, language: '1031', installerLanguages: ['de_DE'] });
    expect(config.portable?.requestExecutionLevel).toBe('user');
  });

  it('builds an AppImage for Linux and a dmg for macOS', () => {
    expect((config.linux?.target as { target: string }[]).map((t) => t.target)).toEqual(['AppImage']);
    expect((config.mac?.target as { target: string }[]).map((t) => t.target)).toEqual(['dmg']);
  });

  it('puts the version into every artifact name', () => {
    for (const name of [config.nsis?.artifactName, config.portable?.artifactName, config.appImage?.artifactName, config.dmg?.artifactName]) {
      expect(name).toMatch(/^\$\{productName\}-\$\{version\}-.+\.\$\{ext\}$/);
    }
    const names = new Set([config.nsis?.artifactName, config.portable?.artifactName]);
    expect(names.size, 'installer and portable exe must not overwrite each other').toBe(2);
  });

  it('refers only to artwork that exists', () => {
    for (const file of [config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon, config.nsis?.installerHeaderIcon, config.mac?.icon, config.dmg?.icon, config.dmg?.background, config.linux?.icon]) {
      expect(file).toBeTruthy();
      expect(existsSync(path.join(ROOT, file!)), `${file} is missing`).toBe(true);
    }
  });
});

describe('the app icon', () => {
  const dims = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

  it('exists as PNG in every size from 16 to 1024, rendered from the committed SVG sources', async () => {
    for (const size of PNG_SIZES) {
      const file = path.join(ROOT, 'assets/icon/png', `${size}x${size}.png`);
      const committed = await decodePngToRgba(readFileSync(file));
      expect([committed.width, committed.height]).toEqual([size, size]);
      // Pixels, not bytes: PNG compression may differ between zlib versions, the drawing may not.
      const fresh = await decodePngToRgba(await renderSvg(iconSource(size), size));
      expect(Buffer.compare(committed.data, fresh.data), `${size}x${size}.png is stale: run npm run gen:icons`).toBe(0);
    }
  });

  it('has a Windows .ico with the sizes Explorer and the installer ask for', () => {
    const ico = readFileSync(path.join(ROOT, 'assets/icon/icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256).sort((a, b) => a - b);
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('has a macOS .icns with every slot iconutil fills, each image at its size', () => {
    const icns = readFileSync(path.join(ROOT, 'assets/icon/icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, Buffer>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      found.set(type, icns.subarray(at + 8, at + length));
      at += length;
    }
    for (const [type, size] of ICNS_TYPES) {
      const data = found.get(type);
      expect(data, `${type} missing`).toBeDefined();
      // ic04/ic05 hold ARGB data; the others a PNG whose size must match the slot.
      if (data!.subarray(1, 4).toString('ascii') === 'PNG') expect(dims(data!)).toEqual({ width: size, height: size });
    }
  });
});
