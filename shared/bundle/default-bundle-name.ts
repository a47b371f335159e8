/**
 * The suggested file name of a bundle: `outlook-doktor-2026-11-22_14-05.zip`, local time.
 *
 * Date and time in the name let a helpdesk keep several bundles of one user apart; no colons
 * (Windows forbids them in file names).
 */
export function defaultBundleName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `outlook-doktor-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}_${p(at.getHours())}-${p(at.getMinutes())}.zip`;
}
