// Reads the files our writer made (tests/fixtures/parquet/ours/) with DuckDB and compares every value
// with ours.expected.json. Run from the repository root after `dotnet run --project tools/parquet/ParquetTool -- ours ...`.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_TOOLS ?? '/tmp/nodetools', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const dir = path.resolve('tests/fixtures/parquet/ours');
const expected = JSON.parse(readFileSync(path.join(dir, 'ours.expected.json'), 'utf8'));
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
let failures = 0;
for (const file of ['ours_snappy.parquet', 'ours_gzip.parquet']) {
  const f = path.join(dir, file);
  const types = (await con.runAndReadAll(`DESCRIBE SELECT * FROM '${f}'`)).getRowObjects().map((r) => `${r.column_name} ${r.column_type}`);
  const rows = (await con.runAndReadAll(`SELECT id, flag, big::VARCHAR AS big, d, cat, text, strftime(day, '%Y-%m-%d') AS day,
      strftime(ts, '%Y-%m-%d %H:%M:%S.%f') AS ts, dec9::VARCHAR AS dec9, dec18::VARCHAR AS dec18, dec28::VARCHAR AS dec28, tags
      FROM '${f}' ORDER BY id`)).getRowObjectsJson();
  let bad = 0;
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(expected[i])) {
      // Decimals compare as text without trailing fractional zeros (C# keeps 0 as "0", DuckDB as "0.0000").
      const norm = (x) => (k.startsWith('dec') && typeof x === 'string' && x.includes('.') ? x.replace(/\.?0+$/, '') : x);
      const got = JSON.stringify(norm(r[k] ?? null));
      const want = JSON.stringify(norm(v));
      if (got !== want && !(typeof v === 'number' && Number(r[k]) === v)) {
        if (bad++ < 5) console.log(`${file} row ${i} ${k}: DuckDB ${got}, expected ${want}`);
      }
    }
  });
  failures += bad + (rows.length === expected.length ? 0 : 1);
  console.log(`${file}: ${rows.length} rows, ${bad} mismatches; types: ${types.join(', ')}`);
}
process.exit(failures ? 1 : 0);
