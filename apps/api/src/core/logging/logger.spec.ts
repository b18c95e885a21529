import type { FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import { logRequest, noteRequestError, PinoNestLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}
const request = (url: string, method = 'GET') => ({ url, method }) as FastifyRequest;
const reply = (statusCode: number) => ({ statusCode, elapsedTime: 12.4 }) as FastifyReply;

describe('request logging', () => {
  it('writes one line per request: method, path without its query, status, time', () => {
    const { log, lines } = capture();
    logRequest(log, request('/api/leads?q=13912345678'), reply(200), false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'GET /api/leads 200 12 ms', req: { method: 'GET', path: '/api/leads' }, res: { statusCode: 200 }, ms: 12 });
    expect(JSON.stringify(lines[0])).not.toContain('13912345678');
  });

  it('keeps the hot customer paths quiet unless they fail, and a failure carries its error', () => {
    const { log, lines } = capture();
    logRequest(log, request('/s/abcdefghij'), reply(200), true);
    expect(lines).toHaveLength(0);
    const failed = request('/s/abcdefghij');
    noteRequestError(failed, new Error('boom'));
    logRequest(log, failed, reply(500), true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'GET /s/abcdefghij 500 12 ms', err: { message: 'boom' } });
  });

  it("puts Nest's line per module and per mapped route at debug level", () => {
    const { log, lines } = capture();
    const nest = new PinoNestLogger(log);
    nest.log('Mapped {/api/leads, GET} route', 'RouterExplorer');
    nest.log('OrgModule dependencies initialized', 'InstanceLoader');
    nest.log('connected to sqlite; schema up to date', 'Database');
    expect(lines.map((l) => l.msg)).toEqual(['connected to sqlite; schema up to date']);
  });
});
