import type { Rule } from '../rule';

/**
 * Every finding rule, one file each.
 *
 * Order does not matter for the result (diagnose sorts), but keep it in catalog order so the
 * list reads like `../shared/spec/findings.md`.
 */
export const RULES: readonly Rule[] = [];
