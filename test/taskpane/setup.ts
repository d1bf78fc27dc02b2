/**
 * What Fluent UI asks of a browser that jsdom does not have. Imported first by each pane test;
 * the stubs do nothing, which is all a test that never lays out needs.
 */
import { configure } from '@testing-library/react';

// The pane draws an action's results as a React transition (in slices, after the work): on a
// machine others share, a check of a seed and its drawing take seconds, not a failure. Each wait
// still ends as soon as what it waits for is there.
configure({ asyncUtilTimeout: 20_000 });

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  if (!('ResizeObserver' in w)) w.ResizeObserver = ResizeObserverStub;
  if (!('matchMedia' in w) || typeof window.matchMedia !== 'function') {
    w.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
}

export {};
