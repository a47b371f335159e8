import { z } from 'zod';
import { reportSchema } from './report-schema';

/**
 * The report's JSON Schema (draft 2020-12), generated from the zod schema.
 *
 * Shipped as `shared/report/report.schema.json` for tools outside the project; a test keeps the
 * file equal to this output. Generated for input, so objects allow fields a newer minor version
 * adds (extensions never change meanings; a breaking change bumps schemaVersion).
 */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $id: 'https://outlook-doktor.invalid/schema/report-v1.json',
    title: 'outlook-doktor report, schemaVersion 1',
    ...schema,
  };
}
