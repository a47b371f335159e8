import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diagnoseCommand } from './diagnose-command';
import { UsageError } from './usage-error';

function io(detectAccount: () => Promise<null>) {
  return { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {}, detectAccount };
}

describe('diagnose without --email and --server', () => {
  it('asks the Outlook profile first and, without one, is a usage error naming --server', async () => {
    let asked = 0;
    const error = await diagnoseCommand([], io(async () => { asked += 1; return null; })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('--server');
    expect(asked).toBe(1);
  });
});
