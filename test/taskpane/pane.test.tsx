/** @jest-environment jsdom */
import './setup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { seedHost } from './fake-host';

const TODAY = '2026-12-01';

test('smoke', async () => {
  const { host } = await seedHost();
  render(<App host={host} lang="zh-CN" today={TODAY} />);
  await waitFor(() => expect(screen.getByTestId('check-button').hasAttribute('disabled')).toBe(false));
  const t0 = Date.now();
  fireEvent.click(screen.getByTestId('check-button'));
  const cards = await screen.findAllByTestId('table-card', {}, { timeout: 20000 });
  console.log('check ms', Date.now() - t0);
  expect(cards).toHaveLength(1);
  const d = screen.getByTestId('role-Sheet1-1-H');
  const t1 = Date.now();
  fireEvent.click(d);
  const opts = await screen.findAllByRole('option');
  console.log(opts.length, opts.map((o) => o.textContent).join(','), Date.now() - t1);
});
