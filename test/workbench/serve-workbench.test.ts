import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { resolveInside, startStaticServer, type StaticServer } from '../../scripts/serve-workbench';

function get(url: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the workbench static server', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
    fs.writeFileSync(path.join(root, 'workbench.html'), '<!doctype html><p>wb</p>');
    fs.mkdirSync(path.join(root, 'samples'));
    fs.writeFileSync(path.join(root, 'samples', 'seed-000.xlsx'), 'PK');
    fs.writeFileSync(path.join(root, 'app.js'), 'void 0;');
    fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'outside');
    server = await startStaticServer(root, 0);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
  });

  test('serves files with their types, and the workbench at /', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect(await get(`${server.url}`)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><p>wb</p>' });
    expect(await get(`${server.url}app.js?v=1`)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get(`${server.url}samples/seed-000.xlsx`)).type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await get(`${server.url}samples/seed-000.xlsx`, 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  test('nothing outside the root, no writes', async () => {
    expect((await get(`${server.url}missing.js`)).status).toBe(404);
    expect((await get(`${server.url}%2e%2e/${path.basename(root)}-secret.txt`)).status).toBe(404);
    expect((await get(`${server.url}%E0%A4%A`)).status).toBe(400);
    expect((await get(`${server.url}app.js`, 'POST')).status).toBe(405);
    expect((await get(`${server.url}app.js`, 'PUT')).status).toBe(405);
  });

  test('resolveInside keeps every path under the root', () => {
    const r = path.resolve('/srv/web');
    expect(resolveInside(r, '/a/b.js')).toBe(path.join(r, 'a', 'b.js'));
    expect(resolveInside(r, '/../../etc/passwd')).toBe(path.join(r, 'etc', 'passwd'));
    expect(resolveInside(r, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(r, 'etc', 'passwd'));
    expect(resolveInside(r, '/a%00b')).toBeNull();
    expect(resolveInside(r, '/')).toBe(r);
  });
});
