import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeTextAtomic } from '../engine/fs/atomic-write';

/**
 * The window's size and place, remembered between starts in a small JSON file in userData.
 *
 * The file is read defensively: anything unreadable, malformed or absurd falls back to the
 * defaults, and a position that is on no screen any more (a monitor was unplugged) is dropped so
 * the window never opens out of sight.
 */
export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1100, height: 780, maximized: false };
/** Below this the wizard's step overview and content no longer fit side by side. */
export const MIN_WINDOW_WIDTH = 720;
export const MIN_WINDOW_HEIGHT = 540;
/** Larger than any real screen; bounds a corrupt file, not a user. */
const MAX_WINDOW_SIZE = 16_384;
/** The state file is a few dozen bytes; a huge file is not ours. */
const MAX_STATE_FILE_BYTES = 4 * 1024;
/** How much of the window's top must be on a screen to keep the saved position. */
const MIN_VISIBLE_PX = 100;

const coordinate = z.number().int().min(-MAX_WINDOW_SIZE).max(MAX_WINDOW_SIZE);
const stateSchema = z.object({
  width: z.number().int().min(1).max(MAX_WINDOW_SIZE),
  height: z.number().int().min(1).max(MAX_WINDOW_SIZE),
  x: coordinate.optional(),
  y: coordinate.optional(),
  maximized: z.boolean().optional(),
});

/** The state from the file's text; defaults for anything that does not validate. */
export function parseWindowState(text: string): WindowState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { width, height, x, y, maximized } = parsed.data;
  return {
    width: Math.max(MIN_WINDOW_WIDTH, width),
    height: Math.max(MIN_WINDOW_HEIGHT, height),
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    maximized: maximized ?? false,
  };
}

/** Keeps the position only when the window's title bar would be on one of the screens. */
export function fitToDisplays(state: WindowState, displays: readonly DisplayArea[]): WindowState {
  const fitted = { ...state };
  const largest = displays.reduce<DisplayArea | undefined>((a, d) => (!a || d.width * d.height > a.width * a.height ? d : a), undefined);
  if (largest) {
    fitted.width = Math.min(fitted.width, Math.max(MIN_WINDOW_WIDTH, largest.width));
    fitted.height = Math.min(fitted.height, Math.max(MIN_WINDOW_HEIGHT, largest.height));
  }
  if (fitted.x === undefined || fitted.y === undefined) return fitted;
  const { x, y, width } = fitted;
  const visible = displays.some((d) => {
    const overlap = Math.min(x + width, d.x + d.width) - Math.max(x, d.x);
    return overlap >= MIN_VISIBLE_PX && y >= d.y && y < d.y + d.height - MIN_VISIBLE_PX / 2;
  });
  if (!visible) {
    delete fitted.x;
    delete fitted.y;
  }
  return fitted;
}

export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_STATE_FILE_BYTES) return { ...DEFAULT_WINDOW_STATE };
    return parseWindowState(buffer.toString('utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeTextAtomic(file, `${JSON.stringify(state)}\n`);
}
