import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { API, type WsServerMessage } from '@fenji/shared';
import { WebSocket, WebSocketServer } from 'ws';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuthService } from '../../core/auth/auth.service';
import { EventBus } from '../../core/coordination/event-bus';
import { inRadarScope } from './radar.service';
import { NOTIFICATION_TOPIC, type NotificationMessage, RADAR_TOPIC, type RadarMessage } from './visit-ingest.service';

/** Frames a slow client may have queued before it is dropped (it catches up with `?after=` when it reconnects). */
const MAX_BUFFERED_BYTES = 1 << 20;
const PING_MS = 30_000;

/**
 * `GET /api/ws?token=<accessToken>`: the live radar. The upgrade is answered on the HTTP server itself (before
 * Fastify's routing and request log, so the token reaches no log line); a missing or bad token is refused with 401.
 * Every process subscribes to the EventBus and sends each radar line to its own clients whose scope includes it.
 */
@Injectable()
export class RadarGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RadarGateway');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Map<WebSocket, AuthUser>();
  private readonly stops: (() => void)[] = [];
  private pinger: NodeJS.Timeout | null = null;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as import('node:http').Server | undefined;
    if (!server) return;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(request, socket, head));
    this.stops.push(this.bus.subscribe(RADAR_TOPIC, (m) => this.fanOutRadar(m as RadarMessage)));
    this.stops.push(this.bus.subscribe(NOTIFICATION_TOPIC, (m) => this.fanOutNotification(m as NotificationMessage)));
    this.pinger = setInterval(() => {
      for (const ws of this.clients.keys()) if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, PING_MS);
    this.pinger.unref();
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops) stop();
    if (this.pinger) clearInterval(this.pinger);
    for (const ws of this.clients.keys()) ws.close(1001, 'server shutting down');
    this.clients.clear();
    this.wss.close();
  }

  /** Connected sockets (for tests and metrics). */
  get connections(): number {
    return this.clients.size;
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== API.ws) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    let user: AuthUser | null = null;
    const token = url.searchParams.get('token');
    try {
      user = token ? await this.auth.userForAccessToken(token) : null;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not check a WebSocket token');
    }
    if (!user) {
      refuse(socket, 401, 'Unauthorized');
      return;
    }
    const signedIn = user;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.clients.set(ws, signedIn);
      ws.on('close', () => this.clients.delete(ws));
      ws.on('error', () => this.clients.delete(ws));
      // Clients send nothing; anything they send is ignored.
    });
  }

  private fanOutRadar(message: RadarMessage): void {
    const frame = JSON.stringify({ type: 'radar', item: message.item } satisfies WsServerMessage);
    for (const [ws, user] of this.clients) if (inRadarScope(user, message)) this.send(ws, frame);
  }

  private fanOutNotification(message: NotificationMessage): void {
    const frame = JSON.stringify({ type: 'notification', unread: message.unread } satisfies WsServerMessage);
    for (const [ws, user] of this.clients) if (user.id === message.staffId) this.send(ws, frame);
  }

  private send(ws: WebSocket, frame: string): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate();
      return;
    }
    ws.send(frame);
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
