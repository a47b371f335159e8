import { exposeApi } from './expose-api';

/** The renderer's only door to the main process: the typed verbs of `shared/ipc/api.ts`. */
exposeApi();
