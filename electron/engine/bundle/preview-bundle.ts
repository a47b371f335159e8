import type { BundleInput, BundlePreview } from '../../../shared/bundle/bundle-input';
import { defaultBundleName } from '../../../shared/bundle/default-bundle-name';
import { BundlePlan, type BundleOptions } from './bundle-plan';

/**
 * What an export would put into the zip, for the app's preview before the save dialog.
 *
 * Renders every entry exactly as `writeBundle` would (same redaction), so sizes and counts are
 * the real ones; nothing touches the disk.
 */
export function previewBundle(input: BundleInput, options: BundleOptions = {}): BundlePreview {
  const plan = new BundlePlan(input, options);
  const entries = plan.entries.map((entry) => {
    const rendered = plan.render(entry);
    return { name: entry.name, bytes: rendered.bytes.length, description: entry.description };
  });
  return {
    entries,
    totalBytes: entries.reduce((sum, e) => sum + e.bytes, 0),
    redactions: plan.counts,
    anonymized: plan.redactor.anonymized,
    anonymizations: plan.anonymizations,
    suggestedName: defaultBundleName(plan.createdAt),
  };
}
