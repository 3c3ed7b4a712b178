// Makes the Parquet reader fixtures in tests/fixtures/parquet/ with two independent writers
// (DuckDB and hyparquet-writer) plus an expected-values JSON per value set.
// Run from the repository root: NODE_PATH=/tmp/nodetools/node_modules node tools/parquet/make-fixtures.mjs
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_TOOLS ?? '/tmp/nodetools', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const { parquetWriteFile } = await import(require.resolve('hyparquet-writer'));

const out = path.resolve('tests/fixtures/parquet');
mkdirSync(out, { recursive: true });

// Deterministic pseudo-random numbers so the fixtures are reproducible.
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (n) => Math.floor(rnd() * n);
const maybeNull = (v, p = 0.1) => (rnd() < p ? null : v);

const ROWS = 2500;
const words = ['ÁGUA', 'SAÚDE', 'energia', 'biodiversidade', 'petróleo e gás', '', 'IA', 'educação'];
const rows = [];
for (let i = 0; i < ROWS; i++) {
  const days = pick(20000) - 5000;
  const ms = BigInt(pick(2e9)) * 1000n + BigInt(pick(1000)) - 500000000000n;
  const us = ms * 1000n + BigInt(pick(1000));
  const ns = us * 1000n + BigInt(pick(10)) * 100n;
  let tags = null;
  const shape = pick(10);
  if (shape === 1) tags = [];
  else if (shape !== 0) tags = Array.from({ length: 1 + pick(4) }, () => (rnd() < 0.15 ? null : words[pick(words.length)]));
  rows.push({
    id: i,
    b: maybeNull(rnd() < 0.5),
    i32: maybeNull(pick(2 ** 31) * (rnd() < 0.5 ? -1 : 1)),
    i64: maybeNull(String(BigInt(pick(2 ** 31)) * 4294967296n * (rnd() < 0.5 ? -1n : 1n) + BigInt(pick(1000)))),
    f: maybeNull(Math.fround((pick(2000000) - 1000000) / 64)),
    d: maybeNull((pick(2 ** 31) - 2 ** 30) / 1024 + 0.1),
    cat: maybeNull(words[pick(words.length)]),
    s: maybeNull(`texto número ${i} ${'x'.repeat(pick(40))}`),
    dt: maybeNull(new Date(days * 86400000).toISOString().slice(0, 10)),
    ts_ms: maybeNull(String(ms)),
    ts_us: maybeNull(String(us)),
    ts_ns: maybeNull(String(ns)),
    dec9: maybeNull(i === 0 ? '761.286' : fmtDec(BigInt(pick(999999999)) - 499999999n, 3)),
    dec18: maybeNull(fmtDec(BigInt(pick(2 ** 31)) * 100000000n + BigInt(pick(1e8)) - 10n ** 17n, 4)),
    dec28: maybeNull(fmtDec((BigInt(pick(2 ** 31)) * 10n ** 17n + BigInt(pick(2 ** 31))) * (rnd() < 0.5 ? -1n : 1n), 6)),
    tags,
  });
}

function fmtDec(unscaled, scale) {
  const neg = unscaled < 0n;
  let s = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  return neg ? `-${s}` : s;
}

const sqlStr = (v) => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`);
const epochUnit = (v, fn) => (v === null ? 'NULL' : `${fn}(${v})`);
const values = rows.map((r) => `(${[
  r.id, r.b === null ? 'NULL' : r.b, r.i32 ?? 'NULL', r.i64 ?? 'NULL', r.f ?? 'NULL', r.d ?? 'NULL',
  sqlStr(r.cat), sqlStr(r.s), r.dt === null ? 'NULL' : `DATE '${r.dt}'`,
  epochUnit(r.ts_ms, 'epoch_ms'),
  epochUnit(r.ts_us, 'make_timestamp'),
  r.ts_ns === null ? 'NULL' : `make_timestamp_ns(${r.ts_ns})`,
  r.dec9 ?? 'NULL', r.dec18 ?? 'NULL', r.dec28 ?? 'NULL',
  r.tags === null ? 'NULL' : `[${r.tags.map(sqlStr).join(', ')}]::VARCHAR[]`,
].join(', ')})`);

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`CREATE TABLE t (id INTEGER, b BOOLEAN, i32 INTEGER, i64 BIGINT, f FLOAT, d DOUBLE, cat VARCHAR, s VARCHAR,
  dt DATE, ts_ms TIMESTAMP_MS, ts_us TIMESTAMP, ts_ns TIMESTAMP_NS, dec9 DECIMAL(9,3), dec18 DECIMAL(18,4), dec28 DECIMAL(28,6), tags VARCHAR[])`);
for (let i = 0; i < values.length; i += 500) await con.run(`INSERT INTO t VALUES ${values.slice(i, i + 500).join(',\n')}`);

const duck = {
  'duckdb_snappy.parquet': "COMPRESSION snappy",
  'duckdb_gzip.parquet': "COMPRESSION gzip",
  'duckdb_uncompressed.parquet': "COMPRESSION uncompressed",
  'duckdb_v2.parquet': "COMPRESSION snappy, PARQUET_VERSION V2",
  'duckdb_v2_gzip.parquet': "COMPRESSION gzip, PARQUET_VERSION V2",
  'duckdb_rowgroups.parquet': "COMPRESSION snappy, ROW_GROUP_SIZE 100",
  'duckdb_plain.parquet': "COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 1",
  'duckdb_v2_plain.parquet': "COMPRESSION snappy, PARQUET_VERSION V2, DICTIONARY_SIZE_LIMIT 1",
};
for (const [file, opts] of Object.entries(duck)) {
  await con.run(`COPY (SELECT * FROM t ORDER BY id) TO '${path.join(out, file)}' (FORMAT parquet, ${opts})`);
}
await con.run(`COPY (SELECT id, s FROM t ORDER BY id LIMIT 50) TO '${path.join(out, 'duckdb_zstd.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
writeFileSync(path.join(out, 'duckdb.expected.json'), JSON.stringify(rows, null, 0).replaceAll('},{', '},\n{'));

// Encodings and layouts each DuckDB file really uses, for the README.
const report = [];
for (const file of Object.keys(duck)) {
  const r = await con.runAndReadAll(`SELECT path_in_schema, list(DISTINCT encodings) AS enc, count(DISTINCT row_group_id) AS groups
    FROM parquet_metadata('${path.join(out, file)}') GROUP BY path_in_schema ORDER BY path_in_schema`);
  report.push(`${file}: ` + r.getRowObjects().map((o) => `${o.path_in_schema}=${o.enc}`).join('; ') + ` (row groups: ${r.getRowObjects()[0].groups})`);
}
writeFileSync(path.join(out, 'duckdb-encodings.txt'), report.join('\n') + '\n');

// Second, independent writer.
const hrows = rows.slice(0, 300);
parquetWriteFile({
  filename: path.join(out, 'hyparquet.parquet'),
  columnData: [
    { name: 'id', data: hrows.map((r) => r.id), type: 'INT32', encoding: 'DELTA_BINARY_PACKED' },
    { name: 'b', data: hrows.map((r) => r.b), type: 'BOOLEAN', encoding: 'RLE' },
    { name: 'i64', data: hrows.map((r) => (r.i64 === null ? null : BigInt(r.i64))), type: 'INT64', encoding: 'BYTE_STREAM_SPLIT' },
    { name: 'd', data: hrows.map((r) => r.d), type: 'DOUBLE', encoding: 'BYTE_STREAM_SPLIT' },
    { name: 'f', data: hrows.map((r) => r.f), type: 'FLOAT', encoding: 'BYTE_STREAM_SPLIT' },
    { name: 'cat', data: hrows.map((r) => r.cat), type: 'STRING' },
    { name: 's', data: hrows.map((r) => r.s), type: 'STRING', encoding: 'DELTA_BYTE_ARRAY' },
    { name: 's2', data: hrows.map((r) => r.s), type: 'STRING', encoding: 'DELTA_LENGTH_BYTE_ARRAY' },
    { name: 'ts_ms', data: hrows.map((r) => (r.ts_ms === null ? null : new Date(Number(r.ts_ms)))), type: 'TIMESTAMP' },
  ],
  rowGroupSize: 128,
});
const h = await con.runAndReadAll(`SELECT path_in_schema, list(DISTINCT encodings) AS enc FROM parquet_metadata('${path.join(out, 'hyparquet.parquet')}') GROUP BY ALL ORDER BY 1`);
report.push('hyparquet.parquet: ' + h.getRowObjects().map((o) => `${o.path_in_schema}=${o.enc}`).join('; '));
writeFileSync(path.join(out, 'duckdb-encodings.txt'), report.join('\n') + '\n');
writeFileSync(path.join(out, 'hyparquet.expected.json'),
  JSON.stringify(hrows.map(({ id, b, i64, d, f, cat, s, ts_ms }) => ({ id, b, i64, d, f, cat, s, ts_ms }))).replaceAll('},{', '},\n{'));
console.log(report.join('\n'));
