import { expect, test } from 'vitest';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const app = useApp();

test('the app shell loads in browser mode with no console errors', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(app.url);
  await expect.poll(() => page.getByRole('tab', { name: 'Fleet' }).count()).toBe(1);
  for (const name of ['Schedule', 'Value', 'Stress', 'Report']) {
    expect(await page.getByRole('tab', { name }).count()).toBe(1);
  }
  await screenshot(page, 'app-shell');
  expect(errors).toEqual([]);
  await page.close();
});

test('the host refuses calls without the per-run token', async () => {
  const res = await fetch(new URL('/api/app:info', app.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(401);
});
