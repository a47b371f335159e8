/**
 * The largest bundle file the viewer opens, shared by the reader (`openBundle`), the web
 * bridge's upload and the page (which refuses a larger file before uploading it).
 *
 * A day of monitoring plus the system outputs stays far below; anything larger is not ours.
 */
export const MAX_BUNDLE_FILE_BYTES = 100 * 1024 * 1024;
