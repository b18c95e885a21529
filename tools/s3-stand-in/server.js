'use strict';
// A small local stand-in for an S3-compatible object store (path-style PUT and GET of whole objects), for the
// API's tests of MEDIA_S3_*: Debian ships no S3 server. Every request must carry a valid AWS Signature Version 4
// `Authorization` header for the configured key pair (403 SignatureDoesNotMatch otherwise), and the body must
// match `x-amz-content-sha256`, as S3 checks them. Objects live in memory.
//
//   node tools/s3-stand-in/server.js [port]   (bucket "fenji-media", key "stand-in-key" / "stand-in-secret")
const http = require('node:http');
const crypto = require('node:crypto');

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();

function createS3StandIn({ bucket = 'fenji-media', accessKeyId = 'stand-in-key', secretAccessKey = 'stand-in-secret', region = 'us-east-1' } = {}) {
  const objects = new Map(); // key → { body, contentType }
  const requests = [];

  const xmlError = (res, status, code) => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
  };

  function signatureOk(req, body) {
    const auth = req.headers.authorization || '';
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m || m[1] !== accessKeyId || m[3] !== region) return false;
    const [, , day, , signedHeaders, signature] = m;
    const amzDate = req.headers['x-amz-date'] || '';
    if (!amzDate.startsWith(day)) return false;
    const payloadHash = req.headers['x-amz-content-sha256'];
    if (payloadHash !== sha256(body)) return false;
    const names = signedHeaders.split(';');
    if (!names.includes('host') || !names.includes('x-amz-date')) return false;
    const canonicalHeaders = names.map((h) => `${h}:${String(req.headers[h] ?? '').trim()}\n`).join('');
    const path = new URL(req.url, 'http://s3').pathname;
    const canonicalRequest = [req.method, path, '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');
    const expected = crypto.createHmac('sha256', key).update(stringToSign).digest('hex');
    return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = decodeURIComponent(new URL(req.url, 'http://s3').pathname);
      requests.push({ method: req.method, path });
      if (!signatureOk(req, body)) return xmlError(res, 403, 'SignatureDoesNotMatch');
      const prefix = `/${bucket}/`;
      if (!path.startsWith(prefix)) return xmlError(res, 404, 'NoSuchBucket');
      const key = path.slice(prefix.length);
      if (req.method === 'PUT') {
        objects.set(key, { body, contentType: req.headers['content-type'] || 'binary/octet-stream' });
        res.writeHead(200, { etag: `"${crypto.createHash('md5').update(body).digest('hex')}"` });
        return res.end();
      }
      if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) return xmlError(res, 404, 'NoSuchKey');
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length });
        return res.end(object.body);
      }
      return xmlError(res, 405, 'MethodNotAllowed');
    });
  });

  return {
    bucket,
    accessKeyId,
    secretAccessKey,
    region,
    objects,
    requests,
    listen(port = 0) {
      return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

module.exports = { createS3StandIn };

if (require.main === module) {
  const standIn = createS3StandIn();
  standIn.listen(Number(process.argv[2] || 3901)).then((base) => console.log(`S3 stand-in on ${base} (bucket ${standIn.bucket})`));
}
