// Baseline: a bare Fastify route doing one single-row INSERT through mysql2 on DATABASE_URL (its own database on the
// same MariaDB as the API), in its own process. Prints "ready" once listening.
import Fastify from 'fastify';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../support.mjs';

const mysql = createRequire(join(ROOT, 'apps/api/package.json'))('mysql2/promise');
const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
await pool.query('CREATE TABLE IF NOT EXISTS bench_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, phone VARCHAR(20) NOT NULL, created_at DATETIME(3) NOT NULL) ENGINE=InnoDB');
const app = Fastify();
app.post('/', async (req, reply) => {
  const { name, phone } = req.body;
  await pool.execute('INSERT INTO bench_rows (name, phone, created_at) VALUES (?, ?, NOW(3))', [String(name), String(phone)]);
  return reply.code(201).send({ ok: true });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
