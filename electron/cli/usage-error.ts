/** Wrong use of the command line: exit 64 with a message that names the option. */
export class UsageError extends Error {
  constructor(
    readonly option: string | null,
    message: string,
  ) {
    super(option ? `${option}: ${message}` : message);
    this.name = 'UsageError';
  }
}

export const EXIT = {
  ok: 0,
  warning: 1,
  problem: 2,
  usage: 64,
  internal: 70,
  /** SIGINT, as shells expect (128 + 2). */
  interrupted: 130,
} as const;
