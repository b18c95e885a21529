import { createHash, createHmac } from 'node:crypto';
import { FileStore, SAFE_KEY, type StoredFile } from './file-store';

export interface S3Options {
  /** `https://s3.example.com` (path-style requests: `<endpoint>/<bucket>/<key>`). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * An S3-compatible bucket (AWS S3, MinIO, Tencent COS, Aliyun OSS in S3 mode) over plain HTTP with Signature
 * Version 4, path-style. Only PUT and GET of whole objects: that is all media needs.
 */
export class S3FileStore extends FileStore {
  constructor(private readonly options: S3Options) {
    super();
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    if (!SAFE_KEY.test(key)) throw new Error(`unsafe media key ${key}`);
    const res = await this.request('PUT', key, body, { 'content-type': contentType });
    if (!res.ok) throw new Error(`S3 PUT ${key}: ${res.status}`);
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!SAFE_KEY.test(key)) return null;
    const res = await this.request('GET', key, Buffer.alloc(0), {});
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key}: ${res.status}`);
    return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
  }

  /** Signs and sends one request (AWS Signature Version 4, the `Authorization` header form). */
  private request(method: 'GET' | 'PUT', key: string, body: Buffer, extra: Record<string, string>, now = new Date()): Promise<Response> {
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = this.options;
    const url = new URL(`${endpoint.replace(/\/+$/, '')}/${bucket}/${key}`);
    const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const payloadHash = sha256(body);
    const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate, ...extra };
    const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
    const canonicalHeaders = names.map((h) => `${h}:${String(headers[h]).trim()}\n`).join('');
    const signedHeaders = names.join(';');
    const canonicalRequest = [method, url.pathname.split('/').map(encodeURIComponent).join('/'), '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');
    const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
    const authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    const { host: _host, ...sent } = headers;
    return fetch(url, { method, headers: { ...sent, authorization }, body: method === 'PUT' ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(10_000) });
  }
}
