import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../shared/report/report-json-schema';

/** Writes shared/report/report.schema.json from the zod schema (`npm run gen:schema`). */
const target = new URL('../shared/report/report.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
