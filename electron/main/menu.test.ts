import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

const noop = { newRun: () => undefined, openBundle: () => undefined, about: () => undefined };
const labels = (template: ReturnType<typeof buildMenuTemplate>) => template.map((m) => m.label);
const sub = (template: ReturnType<typeof buildMenuTemplate>, index: number) =>
  (template[index]!.submenu as { label?: string; role?: string }[]).map((i) => i.label ?? i.role ?? '-');

describe('the app menu', () => {
  it('is German by default', () => {
    const template = buildMenuTemplate({ lang: 'de', isMac: false, devTools: false }, noop);
    expect(labels(template)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect(sub(template, 0)).toEqual(['Neue Prüfung', 'Bericht öffnen …', '-', 'Beenden']);
    expect(sub(template, 4)).toEqual(['Über Outlook-Doktor']);
  });

  it('follows the language the user chose', () => {
    expect(labels(buildMenuTemplate({ lang: 'en', isMac: false, devTools: false }, noop))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('offers developer tools only in an unpackaged build', () => {
    const roles = (devTools: boolean) => (buildMenuTemplate({ lang: 'de', isMac: false, devTools }, noop)[2]!.submenu as { role?: string }[]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts About and Quit into the app menu on macOS', () => {
    const template = buildMenuTemplate({ lang: 'de', isMac: true, devTools: false }, noop);
    expect(template[0]!.label).toBe('Outlook-Doktor');
    expect(sub(template, 1)).toEqual(['Neue Prüfung', 'Bericht öffnen …']);
  });

  it('sends "new check" to the page through the action', () => {
    let called = 0;
    const template = buildMenuTemplate({ lang: 'de', isMac: false, devTools: false }, { ...noop, newRun: () => (called += 1) });
    const item = (template[0]!.submenu as { click?: () => void }[])[0]!;
    item.click?.();
    expect(called).toBe(1);
  });

  it('sends "open report" to the page through the action, with Ctrl+O', () => {
    let called = 0;
    const template = buildMenuTemplate({ lang: 'en', isMac: false, devTools: false }, { ...noop, openBundle: () => (called += 1) });
    const item = (template[0]!.submenu as { label?: string; accelerator?: string; click?: () => void }[])[1]!;
    expect(item).toMatchObject({ label: 'Open report …', accelerator: 'CmdOrCtrl+O' });
    item.click?.();
    expect(called).toBe(1);
  });
});
