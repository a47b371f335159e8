import { describe, expect, it } from 'vitest';
import { EVENT_VERBS, FILE_VERBS, INVOKE_VERBS } from './api';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import { MAX_CLIPBOARD_TEXT, MAX_EMAIL_INPUT } from './limits';
import { parseRequest } from './parse-request';
import { diagnosisEventSchema, EVENT_SCHEMAS, INVOKE_SCHEMAS } from './schemas';

const start = { runId: 'run-0001', server: 'mail.contoso.test', lang: 'de' };

describe('the IPC contract', () => {
  it('has a schema and a verb for every declared channel, and nothing else', () => {
    expect(Object.keys(INVOKE_SCHEMAS).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...EVENT_CHANNELS].sort());
    expect([...Object.values(INVOKE_VERBS), ...Object.values(FILE_VERBS)].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.values(EVENT_VERBS).sort()).toEqual([...EVENT_CHANNELS].sort());
  });

  it('names every channel area:verb', () => {
    for (const channel of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });
});

describe('parseRequest', () => {
  it('accepts a valid start request and hands back exactly its fields', () => {
    const parsed = parseRequest('diagnosis:start', { ...start, email: 'anna@contoso.test' });
    expect(parsed).toEqual({ ok: true, channel: 'diagnosis:start', value: { ...start, email: 'anna@contoso.test' } });
  });

  it('accepts the verbs without arguments as an empty object or nothing', () => {
    expect(parseRequest('app:info', undefined).ok).toBe(true);
    expect(parseRequest('app:info', {}).ok).toBe(true);
  });

  it('rejects an unknown channel', () => {
    expect(parseRequest('diagnosis:run-anything', {})).toMatchObject({ ok: false, reason: 'unknown-channel' });
    expect(parseRequest('__proto__', {})).toMatchObject({ ok: false, reason: 'unknown-channel' });
  });

  it.each([
    ['engine options smuggled in by the page', { ...start, dnsServers: ['203.0.113.53'] }],
    ['a CA file', { ...start, caFiles: ['/etc/shadow'] }],
    ['a password', { ...start, password: 'secret' }],
    ['a missing run id', { server: 'x.test', lang: 'de' }],
    ['a run id with a path in it', { ...start, runId: '../../etc' }],
    ['a too short run id', { ...start, runId: 'abc' }],
    ['an unknown language', { ...start, lang: 'fr' }],
    ['a number as server', { ...start, server: 443 }],
    ['an endless address', { ...start, email: `${'a'.repeat(MAX_EMAIL_INPUT)}@x.test` }],
    ['a string instead of an object', 'mail.contoso.test'],
    ['an array', [start]],
    ['null', null],
  ])('rejects %s', (_name, payload) => {
    const parsed = parseRequest('diagnosis:start', payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe('invalid-payload');
      expect(parsed.issues.length).toBeGreaterThan(0);
    }
  });

  it('rejects extra fields on argument-less verbs too', () => {
    expect(parseRequest('app:info', { anything: 1 }).ok).toBe(false);
  });

  it('bounds the clipboard text', () => {
    expect(parseRequest('clipboard:write-text', { text: 'x'.repeat(MAX_CLIPBOARD_TEXT) }).ok).toBe(true);
    expect(parseRequest('clipboard:write-text', { text: 'x'.repeat(MAX_CLIPBOARD_TEXT + 1) }).ok).toBe(false);
  });

  it('does not echo the rejected value in its issues', () => {
    const parsed = parseRequest('diagnosis:start', { ...start, server: 'x'.repeat(5000) });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.join(' ')).not.toContain('xxxxxxxx');
  });
});

describe('the bundle channels', () => {
  const exportRequest = { runId: 'run-0001', lang: 'de', anonymize: true, answers: { 'physical/scope': { choice: 'floor', done: true } } };

  it('accept an export request: run, language, switch and checklist answers, nothing else', () => {
    expect(parseRequest('bundle:preview', exportRequest)).toEqual({ ok: true, channel: 'bundle:preview', value: exportRequest });
    expect(parseRequest('bundle:save', { ...exportRequest, answers: {} }).ok).toBe(true);
  });

  it.each([
    ['a target path', { ...exportRequest, path: '/etc/cron.d/evil.zip' }],
    ['a default path', { ...exportRequest, defaultPath: 'C:\\Windows\\x.zip' }],
    ['a file name', { ...exportRequest, fileName: '../../x.zip' }],
    ['engine options', { ...exportRequest, secrets: ['x'] }],
    ['a missing switch', { runId: 'run-0001', lang: 'de', answers: {} }],
    ['an answer with free text', { ...exportRequest, answers: { 'physical/scope': { choice: 'floor', done: true, note: '<script>' } } }],
    ['an answer key that is not section/question', { ...exportRequest, answers: { '../etc': { done: true } } }],
    ['a choice with markup', { ...exportRequest, answers: { 'physical/scope': { choice: '<b>x</b>', done: true } } }],
  ])('refuse %s in an export request', (_name, payload) => {
    expect(parseRequest('bundle:save', payload)).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(parseRequest('bundle:preview', payload).ok).toBe(false);
  });

  it('bound the number of answers', () => {
    const answers = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`physical/q${i}`, { done: true }]));
    expect(parseRequest('bundle:preview', { ...exportRequest, answers }).ok).toBe(false);
  });

  it('take no arguments for reveal and the open dialog: the page cannot say which file', () => {
    expect(parseRequest('bundle:reveal', {}).ok).toBe(true);
    expect(parseRequest('bundle:reveal', { path: '/home/anna/secret.zip' }).ok).toBe(false);
    expect(parseRequest('bundle:open', {}).ok).toBe(true);
    expect(parseRequest('bundle:open', { path: '/tmp/x.zip' }).ok).toBe(false);
  });

  it('accept a dropped file only as an absolute path to a .zip', () => {
    for (const path of ['/home/anna/Downloads/paket.zip', 'C:\\Users\\anna\\Downloads\\paket.ZIP', '\\\\server\\share\\paket.zip']) {
      expect(parseRequest('bundle:open-file', { path }).ok, path).toBe(true);
    }
    for (const path of ['paket.zip', '../paket.zip', '/etc/passwd', '/tmp/a\0b.zip', '/tmp/x.zip/', 'C:paket.zip', '', `/${'a'.repeat(40_000)}.zip`]) {
      expect(parseRequest('bundle:open-file', { path }).ok, path).toBe(false);
    }
    expect(parseRequest('bundle:open-file', { path: '/tmp/x.zip', extra: 1 }).ok).toBe(false);
  });
});

describe('the diagnosis event schema', () => {
  it('accepts progress events as the runner emits them', () => {
    const event = {
      runId: 'run-0001',
      type: 'progress',
      event: { type: 'probe-planned', id: 'local.network:this-computer', probe: 'local.network', kind: 'system', target: 'this computer', title: 'Local network' },
    };
    expect(diagnosisEventSchema.safeParse(event).success).toBe(true);
    expect(diagnosisEventSchema.safeParse({ ...event, runId: 'x' }).success).toBe(false);
  });
});

describe('the monitor requests', () => {
  const monitorStart = { monitorId: 'mon-00000001', server: 'mail.contoso.test', intervalSeconds: 1 };

  it('accept what the page chooses: server, interval, duration and the two switches', () => {
    expect(parseRequest('monitor:start', monitorStart).ok).toBe(true);
    expect(parseRequest('monitor:start', { ...monitorStart, durationSeconds: 3600, resolveEach: true, keepAlive: true }).ok).toBe(true);
    expect(parseRequest('monitor:mark', { monitorId: 'mon-00000001', note: 'Outlook zeigt „Getrennt“' }).ok).toBe(true);
    expect(parseRequest('monitor:stop', { monitorId: 'mon-00000001' }).ok).toBe(true);
    expect(parseRequest('monitor:state', {}).ok).toBe(true);
  });

  it.each([
    ['a CSV path (the host decides where the log goes)', { ...monitorStart, csvFile: '/etc/cron.d/x' }],
    ['DNS servers', { ...monitorStart, dnsServers: ['203.0.113.53'] }],
    ['a CA file', { ...monitorStart, caFiles: ['/tmp/evil.pem'] }],
    ['a URL to ask instead', { ...monitorStart, url: 'https://intranet.contoso.test/' }],
    ['an interval below a tenth of a second', { ...monitorStart, intervalSeconds: 0.01 }],
    ['an interval that is no number', { ...monitorStart, intervalSeconds: '1' }],
    ['a duration beyond a week', { ...monitorStart, durationSeconds: 8 * 24 * 3600 }],
    ['no monitor id', { server: 'mail.contoso.test', intervalSeconds: 1 }],
    ['an endless server', { ...monitorStart, server: 'a'.repeat(1_000) }],
  ])('refuse %s', (_name, payload) => {
    expect(parseRequest('monitor:start', payload)).toMatchObject({ ok: false, reason: 'invalid-payload' });
  });

  it('refuse an endless marker note and a state request with arguments', () => {
    expect(parseRequest('monitor:mark', { monitorId: 'mon-00000001', note: 'x'.repeat(501) }).ok).toBe(false);
    expect(parseRequest('monitor:state', { monitorId: 'mon-00000001' }).ok).toBe(false);
  });

  it('take an export of a monitor without a run, but not of nothing', () => {
    const base = { lang: 'de', anonymize: false, answers: {} };
    expect(parseRequest('bundle:preview', { ...base, monitorId: 'mon-00000001' }).ok).toBe(true);
    expect(parseRequest('bundle:preview', { ...base, runId: 'run-0001', monitorId: 'mon-00000001' }).ok).toBe(true);
    expect(parseRequest('bundle:preview', base).ok).toBe(false);
  });
});
