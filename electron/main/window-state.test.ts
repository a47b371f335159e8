import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, MIN_WINDOW_WIDTH, parseWindowState, saveWindowState } from './window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"width":1200,"height":800,"x":10,"y":20,"maximized":true}')).toEqual({ width: 1200, height: 800, x: 10, y: 20, maximized: true });
  });

  it.each([
    ['not JSON', '{width: 1'],
    ['an array', '[1200, 800]'],
    ['sizes as text', '{"width":"1200","height":"800"}'],
    ['absurd sizes', '{"width":1e9,"height":800}'],
    ['fractions', '{"width":1200.5,"height":800}'],
    ['null', 'null'],
  ])('falls back to the defaults for %s', (_name, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('raises a tiny window to the minimum and drops half a position', () => {
    expect(parseWindowState('{"width":100,"height":100,"x":5}')).toEqual({ width: MIN_WINDOW_WIDTH, height: 540, maximized: false });
  });
});

describe('fitToDisplays', () => {
  it('keeps a position on a screen', () => {
    expect(fitToDisplays({ width: 1000, height: 700, x: 100, y: 100, maximized: false }, [screen])).toMatchObject({ x: 100, y: 100 });
  });

  it('drops a position on a monitor that is no longer there', () => {
    const fitted = fitToDisplays({ width: 1000, height: 700, x: 2500, y: 100, maximized: false }, [screen]);
    expect(fitted.x).toBeUndefined();
    expect(fitted.y).toBeUndefined();
  });

  it('drops a position whose title bar would be above the screen', () => {
    expect(fitToDisplays({ width: 1000, height: 700, x: 100, y: -300, maximized: false }, [screen]).y).toBeUndefined();
  });

  it('shrinks a window larger than the largest screen', () => {
    expect(fitToDisplays({ width: 4000, height: 3000, maximized: false }, [screen])).toMatchObject({ width: 1920, height: 1040 });
  });
});

describe('load and save', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('round-trips through the file and survives a missing or huge file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'od-window-'));
    dirs.push(dir);
    const file = path.join(dir, 'window-state.json');
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    await saveWindowState(file, { width: 900, height: 600, x: 1, y: 2, maximized: false });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ width: 900, height: 600, x: 1, y: 2, maximized: false });
    expect(await loadWindowState(file)).toEqual({ width: 900, height: 600, x: 1, y: 2, maximized: false });
    await writeFile(file, `{"width":900,"height":600,"pad":"${'x'.repeat(10_000)}"}`);
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
