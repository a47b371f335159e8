import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run gen:icons`: renders the app icon's SVG sources in assets/ to every file the installers
 * need, once; the results are committed so a build needs neither these libraries nor a download
 * (electron-builder's own icon converter fetches a toolset from the internet).
 *
 * - `assets/icon/png/<n>x<n>.png`, 16…1024: Linux (AppImage takes the folder), the window icon.
 * - `assets/icon/icon.ico`: Windows exe, NSIS installer and uninstaller (16…256, as Explorer asks).
 * - `assets/icon/icon.icns`: macOS app and dmg (16…1024 with the @2x variants, as iconutil makes).
 * - `assets/dmg/background.png` (+ `@2x`): the dmg window, 540×380 as electron-builder lays it out.
 *
 * Small sizes have sources of their own drawn on the pixel grid: the big drawing scaled down to
 * 16 px is a blur.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ICON_DIR = path.join(ROOT, 'assets/icon');
export const DMG_DIR = path.join(ROOT, 'assets/dmg');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS slots and the pixel size each holds (iconutil's set: 16–512 at 1x and 2x). */
export const ICNS_TYPES: readonly (readonly [type: string, size: number])[] = [
  ['ic04', 16],
  ['ic05', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];
export const DMG_SIZE = { width: 540, height: 380 } as const;

/** Which drawing a size is rendered from. */
export function iconSource(size: number): string {
  if (size <= 16) return path.join(ICON_DIR, 'icon-16.svg');
  if (size <= 32) return path.join(ICON_DIR, 'icon-32.svg');
  return path.join(ICON_DIR, 'icon.svg');
}

/** Renders an SVG to PNG at the given width; no system fonts (the drawings have no text), so every machine renders the same pixels. */
export async function renderSvg(file: string, width: number): Promise<Buffer> {
  const svg = await readFile(file);
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng());
}

async function main(): Promise<void> {
  await mkdir(path.join(ICON_DIR, 'png'), { recursive: true });
  await mkdir(DMG_DIR, { recursive: true });
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) {
    const png = await renderSvg(iconSource(size), size);
    pngs.set(size, png);
    await writeFile(path.join(ICON_DIR, 'png', `${size}x${size}.png`), png);
  }

  const ico = new IconIco();
  // Largest first, as Windows' own icons are; `null` lets the encoder store small sizes as BMP
  // (older shells read only those) and 256 as PNG.
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(pngs.get(size)!, null, true);
  await writeFile(path.join(ICON_DIR, 'icon.ico'), ico.encode());

  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of ICNS_TYPES) await icns.addFromPng(pngs.get(size)!, [type], true);
  await writeFile(path.join(ICON_DIR, 'icon.icns'), icns.encode());

  const background = path.join(DMG_DIR, 'background.svg');
  await writeFile(path.join(DMG_DIR, 'background.png'), await renderSvg(background, DMG_SIZE.width));
  await writeFile(path.join(DMG_DIR, 'background@2x.png'), await renderSvg(background, DMG_SIZE.width * 2));
  console.log(`icons written to ${path.relative(ROOT, ICON_DIR)}/ and ${path.relative(ROOT, DMG_DIR)}/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
