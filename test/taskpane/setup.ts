/**
 * What Fluent UI asks of a browser that jsdom does not have. Imported first by each pane test;
 * the stubs do nothing, which is all a test that never lays out needs.
 */
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
