import { describe, expect, it } from 'vitest';
import { closeChoiceOf, closeWhileMonitoringDialog, trayMenuTemplate, trayTooltip } from './monitor-tray-model';

const stats = { measured: 120, ok: 117, outages: { count: 2 } } as Parameters<typeof trayTooltip>[0];

describe('the monitor in the tray', () => {
  it('says in its tooltip that it runs and how it goes, in the chosen language', () => {
    expect(trayTooltip(stats, true, 'de')).toBe('Outlook-Doktor – Dauertest läuft\n117 von 120 Anfragen beantwortet, 2 Ausfälle');
    expect(trayTooltip(stats, false, 'en')).toBe('Outlook-Doktor – monitor ended\n117 of 120 requests answered, 2 outages');
    expect(trayTooltip(null, true, 'de')).toBe('Outlook-Doktor – Dauertest läuft');
  });

  it('offers mark and stop only while it runs; every item does what it says', () => {
    const called: string[] = [];
    const actions = { show: () => called.push('show'), mark: () => called.push('mark'), stop: () => called.push('stop'), quit: () => called.push('quit') };
    const running = trayMenuTemplate(true, 'de', actions).filter((i) => i.type !== 'separator');
    expect(running.map((i) => [i.label, i.enabled ?? true])).toEqual([
      ['Fenster anzeigen', true],
      ['Problem ist gerade aufgetreten', true],
      ['Dauertest beenden', true],
      ['Outlook-Doktor beenden', true],
    ]);
    for (const item of running) (item.click as () => void)();
    expect(called).toEqual(['show', 'mark', 'stop', 'quit']);
    const ended = trayMenuTemplate(false, 'en', actions).filter((i) => i.type !== 'separator');
    expect(ended.filter((i) => i.enabled === false).map((i) => i.label)).toEqual(['The problem just happened', 'Stop the monitor']);
  });

  it('asks before closing the window while it runs, and maps every button (Escape = cancel)', () => {
    const dialog = closeWhileMonitoringDialog('de');
    expect(dialog.message).toBe('Der Dauertest läuft noch.');
    expect(dialog.buttons).toEqual(['Im Hintergrund weiterlaufen lassen', 'Dauertest beenden und schließen', 'Abbrechen']);
    expect(dialog.cancelId).toBe(2);
    expect([0, 1, 2, 7].map(closeChoiceOf)).toEqual(['background', 'stop-and-quit', 'cancel', 'cancel']);
    expect(closeWhileMonitoringDialog('en').buttons).toEqual(['Keep running in the background', 'Stop the monitor and close', 'Cancel']);
  });
});
