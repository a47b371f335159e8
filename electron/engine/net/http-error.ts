import type { ErrorInfo, HttpErrorKind } from '../../../shared/model/probe-data';

/**
 * Turns whatever an HTTP exchange failed with into a stable kind for the rules.
 *
 * undici, Node's net/tls and our own deadlines report in different shapes (error codes, class
 * names, DOMException names); rules only see the kind, people also see code and message.
 */
export function classifyHttpError(error: unknown): ErrorInfo<HttpErrorKind> {
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  const name = typeof e?.name === 'string' ? e.name : '';
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' && e.message ? e.message : String(error);
  const info = (kind: HttpErrorKind): ErrorInfo<HttpErrorKind> => ({ kind, ...(code ? { code } : {}), message });

  if (name === 'TimeoutError') return info('timeout');
  if (name === 'AbortError') return info('aborted');
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return info('timeout');
    case 'UND_ERR_HEADERS_OVERFLOW':
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return info('too-large');
    case 'ECONNREFUSED':
      return info('refused');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return info('reset');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return info('unreachable');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'ENODATA':
      return info('dns');
    case 'UND_ERR_ABORTED':
      return info('aborted');
    default:
      break;
  }
  if (code?.startsWith('HPE_') || name === 'HTTPParserError' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return info('protocol');
  if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_') || code === 'EPROTO' || /\b(SSL|TLS)\b|alert/i.test(message)) return info('tls');
  if (code?.startsWith('DNS_') || name === 'DnsLookupError') return info('dns');
  if (e?.cause && e.cause !== error) {
    const inner = classifyHttpError(e.cause);
    if (inner.kind !== 'other') return { ...inner, message };
  }
  return info('other');
}
