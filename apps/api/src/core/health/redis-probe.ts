import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * Whether the Redis at `url` answers PING within `timeoutMs`: one short connection speaking RESP (AUTH with the
 * URL's credentials, SELECT is not needed for a PING). No client library: the health check must not depend on
 * the pool the rest of the app uses, which may be the thing that is stuck.
 */
export function pingRedis(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      resolve(false);
      return;
    }
    const port = Number(parsed.port || 6379);
    const host = parsed.hostname;
    const socket = parsed.protocol === 'rediss:' ? tlsConnect({ host, port, servername: host }) : connect({ host, port });
    const command = (...args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    const auth = password ? (user ? command('AUTH', user, password) : command('AUTH', password)) : '';
    let answer = '';
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write(auth + command('PING')));
    socket.once('secureConnect', () => socket.write(auth + command('PING')));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('+PONG\r\n')) finish(true);
      else if (answer.startsWith('-') || answer.includes('\r\n-')) finish(false);
    });
  });
}
