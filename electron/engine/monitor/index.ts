/**
 * The monitor ("Dauertest") for the command line and the app's main process.
 *
 * - `prepareMonitor(options)`: validates front-end options (throws OptionError naming the option).
 * - `startMonitor(prepared, { onEvent, signal })`: runs until the duration, `stop()` or the
 *   signal; streams `MonitorEvent`s (shared/monitor/monitor-types.ts), offers `mark()`,
 *   `stats()`, `recent()`, `bundleData()` (for `writeBundle`) and `done`.
 *
 * Shapes shared with the renderer and a web bridge live in `shared/monitor/`.
 */
export { prepareMonitor, type MonitorOptions, type PreparedMonitor } from './monitor-options';
export {
  startMonitor,
  ringCapacity,
  type KeptExchanges,
  type MonitorClock,
  type MonitorHooks,
  type MonitorOutcome,
  type MonitorSession,
} from './run-monitor';
