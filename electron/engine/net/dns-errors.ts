import type { DnsErrorKind, ErrorInfo } from '../../../shared/model/probe-data';

/**
 * How bad a DNS error is, worst first, for choosing the one error a probe reports.
 *
 * A definite "does not exist" outranks a server failure, which outranks no answer at all;
 * `nodata` (the name exists, just not with that record type) is the mildest.
 */
const RANK: readonly DnsErrorKind[] = ['nxdomain', 'servfail', 'refused', 'timeout', 'network', 'bad-name', 'other', 'nodata'];

/** The worst of several errors, or undefined when there is none. */
export function worstDnsError(errors: readonly (ErrorInfo<DnsErrorKind> | undefined)[]): ErrorInfo<DnsErrorKind> | undefined {
  let worst: ErrorInfo<DnsErrorKind> | undefined;
  for (const error of errors) {
    if (error && (!worst || RANK.indexOf(error.kind) < RANK.indexOf(worst.kind))) worst = error;
  }
  return worst;
}

/**
 * Node's DNS error codes (c-ares for `Resolver`, getaddrinfo for `lookup`) as error kinds.
 *
 * getaddrinfo's EAI_AGAIN ("temporary failure") covers both a server that does not answer and
 * one answering SERVFAIL; it counts as a timeout, and the direct query tells which it was.
 */
const KIND_OF_CODE: Record<string, DnsErrorKind> = {
  ENOTFOUND: 'nxdomain',
  EAI_NONAME: 'nxdomain',
  ENODATA: 'nodata',
  EAI_NODATA: 'nodata',
  ESERVFAIL: 'servfail',
  EAI_FAIL: 'servfail',
  EREFUSED: 'refused',
  ETIMEOUT: 'timeout',
  EAI_AGAIN: 'timeout',
  ECANCELLED: 'timeout',
  ECONNREFUSED: 'network',
  ECONNRESET: 'network',
  ENETUNREACH: 'network',
  EHOSTUNREACH: 'network',
  EBADNAME: 'bad-name',
  EBADQUERY: 'bad-name',
};

/** An error thrown by `node:dns` as evidence. */
export function dnsErrorFromNode(error: unknown): ErrorInfo<DnsErrorKind> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: (code && KIND_OF_CODE[code]) || 'other', ...(code ? { code } : {}), message };
}

/**
 * A failed name resolution, as `RunServices.lookup` rejects with.
 *
 * `code` follows Node's names (ENOTFOUND, ETIMEOUT, …) so generic error handling still works;
 * `kind` is the stable kind the evidence uses.
 */
export class DnsLookupError extends Error {
  readonly kind: DnsErrorKind;
  readonly code: string;

  constructor(
    readonly hostname: string,
    info: ErrorInfo<DnsErrorKind>,
  ) {
    super(`${hostname}: ${info.message}`);
    this.name = 'DnsLookupError';
    this.kind = info.kind;
    this.code = info.code ?? info.kind.toUpperCase();
  }
}
