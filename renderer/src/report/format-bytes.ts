import type { Lang } from '../../../shared/i18n';

/** A size for people: "512 Bytes", "12,3 KB", "1,5 MB" (German decimal comma). */
export function formatBytes(bytes: number, lang: Lang): string {
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} ${lang === 'de' ? 'Bytes' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}
