import type { Messages } from './de';

/** English texts (secondary language). */
export const en: Messages = {
  verdict: {
    ok: 'No problems found',
    warning: 'Warnings found',
    problem: 'Problem found',
  },
  severity: { problem: 'Problem', warning: 'Warning', info: 'Note' },
  sectionStatus: { ok: 'OK', warning: 'warning', problem: 'problem', 'not-checked': 'not checked' },
  section: {
    physical: 'Physical network',
    'network-change': 'Network change',
    vpn: 'Hidden VPN',
    mtu: 'Internal firewalls / WAN optimisers / MTU size',
    'desktop-firewall': 'Desktop firewalls',
    tls: 'TLS handshake',
    ipv6: 'IPv6',
    'captive-portal': 'Guest LAN/Wi-Fi portal',
    proxy: 'Proxy',
    dns: 'DNS resolution',
    'load-balancer': 'Load balancer and DNS resolution',
    autodiscover: 'Autodiscover',
    auth: 'Authentication / Internet zones',
    server: 'Exchange server',
  },
  heading: {
    userAction: 'What you can do',
    adminAction: 'For IT support',
    findings: 'Findings',
    sections: 'Sections',
  },
  cli: {
    checking: 'Checking the connection to Exchange …',
    progress: '{{done}} of {{total}} checks done',
    summaryTitle: 'Result of the check',
    noFindings: 'Nothing unusual: the path to Exchange looks healthy.',
    duration: 'Duration: {{seconds}} s',
    reportWritten: 'Report saved: {{path}}',
    bundleWritten: 'Diagnostic bundle saved: {{path}}',
    deadline: 'Time limit reached – the result is based on what had been checked by then.',
    cancelled: 'Cancelled – the result is based on what had been checked by then.',
    target: 'Server: {{server}}',
    mailbox: 'Mailbox: {{email}}',
    sectionLine: '{{title}}: {{status}}',
    fromProfile: 'Details taken from the Outlook profile “{{profile}}”.',
  },
};
