import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a subcommand's options strictly: unknown options, missing values, stray arguments and
 * options given twice all become a UsageError that names the option.
 */
type Values<O extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false; tokens: true }>>['values'];

export function parseOptions<const O extends OptionSpec>(args: string[], spec: O): Values<O> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(--?[^'\s]+)/.exec(message)?.[1] ?? null;
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(option, 'unknown option');
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(option, 'needs a value');
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const arg = /'([^']+)'/.exec(message)?.[1] ?? '';
      throw new UsageError(null, `unexpected argument '${arg}'`);
    }
    throw new UsageError(option, message);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const def = spec[token.name];
    if (def && !def.multiple && seen.has(token.name)) throw new UsageError(`--${token.name}`, 'given more than once');
    seen.add(token.name);
    if (def?.type === 'string' && typeof token.value === 'string' && token.value.startsWith('--') && token.inlineValue !== true) {
      // `--email --server x` swallows `--server` as the address; say so instead of guessing.
      throw new UsageError(`--${token.name}`, 'needs a value');
    }
  }
  return parsed.values;
}
