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

/** WeChat tells the app through Taro.onNetworkStatusChange. */
const network = (isConnected: boolean) =>
  act(() => {
    for (const fn of networkListeners) fn({ isConnected, networkType: isConnected ? 'wifi' : 'none' });
  });

/** The browser fires online/offline on the window. */
const browserNetwork = (online: boolean) =>
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });

beforeEach(() => resetTaro());
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('PageShell', () => {
  it('in the browser, shows an offline banner while the network is gone, and pages reload when it is back', async () => {
    const onBack = jest.fn();
    render(<Page onBack={onBack} />);
    expect(screen.queryByText(/网络已断开/)).toBeNull();
    browserNetwork(false);
    expect(screen.getByText('网络已断开，恢复后将自动刷新')).toBeTruthy();
    browserNetwork(true);
    expect(screen.queryByText(/网络已断开/)).toBeNull();
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('in WeChat, the same from Taro.onNetworkStatusChange', async () => {
    process.env.TARO_ENV = 'weapp';
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
