/** Adds a listener and remembers how to remove it (the page's script removes all of them on dispose). */
export type Listen = (target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions) => void;
