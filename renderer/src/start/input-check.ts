import { checkEmail, checkServer, type InputProblem } from '../../../shared/validate';

/**
 * The start screen's checks: the shared validation (the same the command line and the main
 * process apply), plus a friendlier reason and a suggested fix for common typos.
 */
export interface FieldProblem {
  /** i18n key of the message. */
  key: string;
  /** A corrected input to offer with "Übernehmen", when one is obvious and valid. */
  suggestion?: string;
}

export interface FormInput {
  email: string;
  server: string;
}

export interface FormProblems {
  email?: FieldProblem;
  server?: FieldProblem;
  form?: FieldProblem & { args?: Record<string, string> };
}

function problemKey(field: 'email' | 'server', problem: InputProblem | 'comma' | 'space' | 'looks-like-email'): string {
  return `ui/problem/${field}/${problem}`;
}

/** Typos with an obvious repair: a comma for a dot, stray spaces, a `mailto:` prefix. */
function repairs(raw: string): string[] {
  const value = raw.trim();
  return [
    value.replace(/^mailto:/i, ''),
    value.replace(/,/g, '.'),
    value.replace(/\s+/g, ''),
    value.replace(/,/g, '.').replace(/\s+/g, ''),
  ].filter((v) => v !== value && v !== '');
}

export function checkEmailInput(raw: string): FieldProblem | null {
  if (raw.trim() === '') return null;
  const result = checkEmail(raw);
  if (result.ok) return null;
  const suggestion = repairs(raw).find((candidate) => checkEmail(candidate).ok);
  const value = raw.trim();
  const key = value.includes(',') ? problemKey('email', 'comma') : /\s/.test(value) ? problemKey('email', 'space') : problemKey('email', result.problem);
  return suggestion ? { key, suggestion } : { key };
}

export function checkServerInput(raw: string): FieldProblem | null {
  if (raw.trim() === '') return null;
  const value = raw.trim();
  const result = checkServer(value);
  if (result.ok) return null;
  if (value.includes('@') && !/^[a-z]+:\/\//i.test(value)) return { key: problemKey('server', 'looks-like-email') };
  // A pasted URL (https://mail.firma.de/owa, http://…): the host is what we need.
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value) ? new URL(value) : null;
  const fromUrl = url && checkServer(url.hostname).ok ? (url.port ? `${url.hostname}:${url.port}` : url.hostname) : undefined;
  const suggestion = fromUrl ?? repairs(value).find((candidate) => checkServer(candidate).ok);
  const key = value.includes(',') ? problemKey('server', 'comma') : /\s/.test(value) ? problemKey('server', 'space') : problemKey('server', result.problem);
  return suggestion ? { key, suggestion } : { key };
}

/** All problems of the form; empty when it can be submitted. */
export function checkForm(input: FormInput): FormProblems {
  if (input.email.trim() === '' && input.server.trim() === '') return { form: { key: 'ui/problem/form/missing' } };
  const email = checkEmailInput(input.email);
  const server = checkServerInput(input.server);
  return { ...(email ? { email } : {}), ...(server ? { server } : {}) };
}

export function hasProblems(problems: FormProblems): boolean {
  return Boolean(problems.email || problems.server || problems.form);
}
