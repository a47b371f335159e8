/**
 * Vitest setup: proxy variables of the machine running the tests are removed.
 *
 * Off Windows and macOS the engine takes its proxy from HTTPS_PROXY/ALL_PROXY (the way Outlook
 * follows the system settings). A developer's or CI's proxy would otherwise receive the CONNECTs
 * of every whole-diagnosis test; tests talk to loopback only and set a proxy explicitly when they
 * test one (`--proxy`, or the variables inside the test).
 */
for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[name];
