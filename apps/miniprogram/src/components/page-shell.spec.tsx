import { act, render, screen } from '@testing-library/react';
import { networkListeners, resetTaro } from '../../test/mocks/taro';
import { useOnReconnect } from '../hooks/use-online';
import { PageShell } from './page-shell';

function Page({ onBack }: { onBack: () => void }) {
  useOnReconnect(onBack);
  return (
    <PageShell>
      <span>内容</span>
    </PageShell>
  );
}

const network = (isConnected: boolean) =>
  act(() => {
    for (const fn of networkListeners) fn({ isConnected, networkType: isConnected ? 'wifi' : 'none' });
  });

beforeEach(() => resetTaro());

describe('PageShell', () => {
  it('shows an offline banner while the network is gone, and pages reload when it is back', async () => {
    const onBack = jest.fn();
    render(<Page onBack={onBack} />);
    expect(screen.queryByText(/网络已断开/)).toBeNull();

    network(false);
    expect(screen.getByText('网络已断开，恢复后将自动刷新')).toBeTruthy();
    expect(onBack).not.toHaveBeenCalled();

    network(true);
    expect(screen.queryByText(/网络已断开/)).toBeNull();
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('carries the brand colour for the app’s and NutUI’s styles', () => {
    const { container } = render(<PageShell>x</PageShell>);
    const style = (container.firstElementChild as HTMLElement).getAttribute('data-style') ?? '';
    expect(style).toContain('--fj-primary:#1f6feb');
    expect(style).toContain('--nutui-color-primary:#1f6feb');
  });
});
