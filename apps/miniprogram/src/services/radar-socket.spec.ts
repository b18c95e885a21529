import { buildRadarItem, signIn } from '../../test/factories';
import { FakeSocketTask, FakeWebSocket } from '../../test/fake-socket';
import Taro, { resetTaro } from '../../test/mocks/taro';
import { backoffMs, RadarSocket, socketUrl, type LiveState } from './radar-socket';
import { saveSession } from './session.service';

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number }> = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { fn, ms };
      pending.push(timer);
      return timer;
    },
    clearTimer: (handle: unknown) => {
      const i = pending.indexOf(handle as { fn: () => void; ms: number });
      if (i >= 0) pending.splice(i, 1);
    },
    fireNext: () => pending.shift()?.fn(),
  };
}

function start(onReconnected = jest.fn()) {
  const timers = manualTimers();
  const messages: unknown[] = [];
  const states: LiveState[] = [];
  const socket = new RadarSocket({
    onMessage: (m) => messages.push(m),
    onReconnected,
    onState: (s) => states.push(s),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    random: () => 0.5,
  });
  socket.start();
  return { socket, timers, messages, states, onReconnected };
}

beforeEach(() => {
  resetTaro();
  FakeWebSocket.install();
});

describe('backoffMs', () => {
  it('doubles from 1 s up to 30 s, with jitter of ±20 %', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoffMs(n, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffMs(1, () => 0)).toBe(800);
    expect(backoffMs(1, () => 1)).toBe(1200);
  });
});

describe('RadarSocket', () => {
  it('connects to /api/ws with the access token and hands on radar messages that match the contract', () => {
    const { accessToken } = signIn();
    const { messages, states } = start();
    const ws = FakeWebSocket.latest();
    expect(ws.url).toBe(`ws://localhost/api/ws?token=${encodeURIComponent(accessToken)}`);
    ws.open();
    const item = buildRadarItem();
    ws.send({ type: 'radar', item });
    ws.send({ type: 'radar', item: { ...item, type: 'click' } }); // not in the contract
    ws.send('not json');
    ws.send({ type: 'notification', unread: 3 });
    expect(messages).toEqual([{ type: 'radar', item }, { type: 'notification', unread: 3 }]);
    expect(states).toEqual(['connecting', 'live']);
  });

  it('reconnects with growing waits after drops, with a fresh token, and asks to catch up once open again', () => {
    signIn();
    const { timers, onReconnected, states } = start();
    FakeWebSocket.latest().open();
    expect(onReconnected).not.toHaveBeenCalled(); // the first connection is not a gap

    FakeWebSocket.latest().drop();
    expect(timers.pending.map((t) => t.ms)).toEqual([1000]);
    timers.fireNext();
    FakeWebSocket.latest().drop(); // fails again before opening
    expect(timers.pending.map((t) => t.ms)).toEqual([2000]);

    const renewed = 'renewed-access-token';
    saveSession({ accessToken: renewed, refreshToken: 'r', user: { id: 's', name: '李雷', role: 'staff', branchId: null } });
    timers.fireNext();
    expect(FakeWebSocket.latest().url).toContain(`token=${renewed}`);
    FakeWebSocket.latest().open();
    expect(onReconnected).toHaveBeenCalledTimes(1);
    expect(states.slice(-2)).toEqual(['connecting', 'live']);

    FakeWebSocket.latest().drop();
    expect(timers.pending.map((t) => t.ms)).toEqual([1000]); // the count starts again after a success
  });

  it('stops: closes the socket, cancels the retry and ignores what the old socket says', () => {
    signIn();
    const { socket, timers, messages } = start();
    const first = FakeWebSocket.latest();
    first.open();
    socket.stop();
    expect(first.closed).toBe(true);
    first.send({ type: 'notification', unread: 1 });
    first.drop();
    expect(messages).toEqual([]);
    expect(timers.pending).toHaveLength(0);
  });

  it('shown again after a stop, it reconnects and catches up', () => {
    signIn();
    const { socket, onReconnected } = start();
    FakeWebSocket.latest().open();
    socket.stop();
    socket.start();
    FakeWebSocket.latest().open();
    expect(onReconnected).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('in WeChat, uses Taro.connectSocket and reconnects when the task reports an error', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      signIn();
      const { timers, messages } = start();
      await Promise.resolve();
      await Promise.resolve();
      expect(Taro.connectSocket).toHaveBeenCalledWith({ url: expect.stringMatching(/^wss:\/\/api\.test\.example\/api\/ws\?token=/) });
      const task = FakeSocketTask.instances[0];
      task.open();
      task.send({ type: 'notification', unread: 2 });
      expect(messages).toEqual([{ type: 'notification', unread: 2 }]);
      task.fail();
      expect(timers.pending).toHaveLength(1);
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('builds wss:// from an https API origin (the mini-program build)', () => {
    process.env.TARO_ENV = 'weapp';
    try {
      expect(socketUrl('t0k')).toBe('wss://api.test.example/api/ws?token=t0k');
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });
});
