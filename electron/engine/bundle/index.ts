/**
 * The diagnostic bundle, as the app's main process and the command line use it.
 *
 * - `previewBundle(input, options)`: what an export would write (names, exact sizes, descriptions,
 *   redaction counts, a suggested file name) for the preview before the save dialog.
 * - `writeBundle(target, input, options)`: the zip, streamed and atomic; progress via `onEntry`,
 *   cancel via `signal`.
 * - `openBundle(path, options)`: the viewer's reader; never throws, returns the contents with
 *   their verification or a typed error with German and English text.
 *
 * Shapes shared with the renderer live in `shared/bundle/` and `shared/model/checklist-answers.ts`.
 */
export { previewBundle } from './preview-bundle';
export { writeBundle, type BundleWriteResult, type WriteBundleOptions } from './write-bundle';
export { openBundle, DEFAULT_BUNDLE_LIMITS, type BundleLimits, type OpenBundleOptions } from './open-bundle';
export type { BundleOptions } from './bundle-plan';
