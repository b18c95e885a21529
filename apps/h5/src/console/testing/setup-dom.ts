/**
 * What antd needs from a browser that jsdom lacks (matchMedia for responsive props, ResizeObserver for tables and
 * overflow). Loaded for every vitest file; does nothing outside jsdom.
 */
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // jsdom's getComputedStyle throws on pseudo-elements, which antd's scrollbar measuring asks for.
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (elt: Element) => getComputedStyle(elt);
}

if (typeof window !== 'undefined') {
  // Pages are lazy chunks: the first render of a route waits for its module (slow in a cold test run).
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 15000 });
}
export {};
