import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, inject, it } from 'vitest';
import { browserPerTest, type BrowserSession } from '../e2e/browser';
import { controlClient } from './control';
import { openApp, ROW_COUNT } from './page-helpers';

/**
 * Behind the production server (LIVE_TARGET=server) the app runs under its
 * Content-Security-Policy with no violation, and cannot be framed by another site
 * (a hidden iframe on another site once made thousands of wolkvox calls with the token).
 */
const server = inject('target') === 'server';
const control = controlClient(inject('controlUrl'));
const SHORT = '/reports/interactions-and-chats/10?from=2026-07-01&to=2026-07-03';

let session: BrowserSession;
browserPerTest((opened) => (session = opened));

it.runIf(server)(
  'runs report 10, its charts, the Excel export and the settings under the CSP, with no violation',
  async () => {
    const { page, context } = session;
    await control.setFaults([]);
    // Every violation the page reports, from the first script on.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        ),
      );
    });
    const console: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) console.push(message.text());
    });
    const documents: (string | undefined)[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document')
        documents.push(response.headers()['content-security-policy']);
    });

    await openApp(page, `${inject('baseUrl')}${SHORT}`, inject('signIn'));
    await page.getByText(ROW_COUNT).waitFor({ timeout: 60_000 });
    // The charts are open by default: recharts draws (its style properties come from script,
    // which the CSP allows; an inline <style> or style="" attribute would be reported).
    await page.locator('.charts-section svg.recharts-surface').first().waitFor({ timeout: 30_000 });
    // The Excel export runs in a worker whose zip library starts workers of its own (blob:).
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.goto(`${inject('baseUrl')}/settings`);
    await page.getByText('A token is configured on the proxy.').waitFor();

    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    expect(console).toEqual([]);
    expect(documents.length).toBeGreaterThanOrEqual(2);
    for (const csp of documents) {
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  },
);

it.runIf(server)('cannot be framed by another site: no page, no wolkvox call', async () => {
  const { page } = session;
  const since = (await control.stats()).fake.calls.length;
  // A page on another origin (another port) that hides the dashboard in an iframe.
  const evil = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<iframe id="f" style="width:1px;height:1px" src="${inject('baseUrl')}${SHORT}"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    // Signed in first, so the browser holds a session for the dashboard.
    await openApp(page, `${inject('baseUrl')}/settings`, inject('signIn'));
    const framed: string[] = [];
    page.on('response', (response) => {
      if (response.frame() !== page.mainFrame()) framed.push(response.url());
    });
    await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
    await page.waitForTimeout(3_000);
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    const inside = await child?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    expect(inside ?? '').not.toMatch(/rows|Report|wolkvox/i);
    expect((await control.stats()).fake.calls.length).toBe(since);
    // The browser asked, and the answer forbade framing: no script or API call followed.
    expect(framed.filter((url) => url.includes('/assets/') || url.includes('/wolkvox/'))).toEqual(
      [],
    );
  } finally {
    evil.close();
  }
});

it.runIf(server)('shows who is signed in on the settings page, and signs out', async () => {
  const { page } = session;
  const signIn = inject('signIn')!;
  await openApp(page, `${inject('baseUrl')}/settings`, signIn);
  await page.getByText(`Signed in as ${signIn.user}.`).waitFor();
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ]);
  await page.getByLabel('User / Usuario').waitFor();
  // Signed out: the data is closed again, and the app's pages lead to the sign-in.
  const report = await page.request.get(
    `${inject('baseUrl')}/wolkvox/api/v2/information.php?api=connectors`,
  );
  expect(report.status()).toBe(401);
  await page.goto(`${inject('baseUrl')}/settings`);
  expect(new URL(page.url()).pathname).toBe('/login');
});
