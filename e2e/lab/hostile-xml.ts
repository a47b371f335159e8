/**
 * Entity bombs: small XML bodies that grow without bound in a parser that expands entities.
 *
 * Each is dressed as an Autodiscover answer (root element and namespace right), so only the
 * refusal of the DTD stops it, not a check of the root element further down.
 */

const ROOT = '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">';

/** Levels of the billion laughs: ten references per level, so 10^9 "lol" (3 GB) at `&lol9;`. */
const LAUGH_LEVELS = 9;

/** Billion laughs: nested entities, each ten of the one below (under 1 KB as sent). */
export function billionLaughs(): string {
  let dtd = '<!ENTITY lol "lol">';
  for (let level = 1; level <= LAUGH_LEVELS; level += 1) {
    const below = level === 1 ? 'lol' : `lol${level - 1}`;
    dtd += `<!ENTITY lol${level} "${`&${below};`.repeat(10)}">`;
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE Autodiscover [${dtd}]>\n${ROOT}<Response><Account><Action>&lol${LAUGH_LEVELS};</Action></Account></Response></Autodiscover>`;
}

/** Size of the one entity of the quadratic blowup, and how often it is referenced: 50 KB × 4000 = 200 MB. */
const BLOWUP_ENTITY_CHARS = 50_000;
const BLOWUP_REFERENCES = 4_000;

/**
 * Quadratic blowup: one large entity referenced thousands of times, no nesting (beats parsers
 * that only limit the depth of entity expansion). About 62 KB as sent: under the answer cap.
 */
export function quadraticBlowup(): string {
  const dtd = `<!ENTITY a "${'x'.repeat(BLOWUP_ENTITY_CHARS)}">`;
  return `<?xml version="1.0"?><!DOCTYPE Autodiscover [${dtd}]>${ROOT}<Response><Error><Message>${'&a;'.repeat(BLOWUP_REFERENCES)}</Message></Error></Response></Autodiscover>`;
}
