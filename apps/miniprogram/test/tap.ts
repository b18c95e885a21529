import { act, fireEvent } from '@testing-library/react';

/**
 * A tap with React's updates flushed. Find the element first (`await tap(await screen.findByText(…))`): a query
 * inside act() waits for updates act() holds back.
 */
export async function tap(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
}
