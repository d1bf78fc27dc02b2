/**
 * A small static server over dist/web for `npm start` and the end-to-end tests: the workbench (and
 * the task pane pages) on http://localhost:3000, or the port PORT names. Only GET and HEAD of files
 * under the root; nothing is written, nothing leaves the machine.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Resolves a request path inside `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

export function startStaticServer(root: string, port: number, host = '127.0.0.1'): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveInside(root, req.url ?? '/');
    if (!file) {
      res.writeHead(400).end('bad path');
      return;
    }
    if (file === path.resolve(root)) file = path.join(file, 'workbench.html');
    fs.stat(file, (err, st) => {
      const target = !err && st.isDirectory() ? path.join(file as string, 'index.html') : (file as string);
      fs.stat(target, (err2, st2) => {
        if (err2 || !st2.isFile()) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': st2.size,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(target).pipe(res);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        url: `http://localhost:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Opens the page in a browser when the desktop has an opener; silently does nothing otherwise. */
function tryOpen(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? null : 'xdg-open';
  // A Linux machine without a display (a server, a container) has nowhere to show a browser.
  if (!opener || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) return;
  const found = (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, opener)));
  if (!found) return;
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Opening a browser is a courtesy; the printed URL is what matters.
  }
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', 'dist', 'web');
  if (!fs.existsSync(path.join(root, 'workbench.html'))) {
    console.error(`No build in ${root}: run \`npm run build\` first (npm start does).`);
    process.exit(1);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  let s: StaticServer;
  try {
    s = await startStaticServer(root, port, process.env.HOST ?? 'localhost');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one (PORT=3001 npm start).` : String(e));
    process.exit(1);
  }
  const url = `${s.url}workbench.html`;
  console.log(`resptable workbench: ${url}`);
  console.log(`  another sample:     ${url}?sample=seed-003   English: ${url}?lang=en-US`);
  console.log('  (Ctrl+C stops the server)');
  if (process.env.NO_OPEN !== '1') tryOpen(url);
}

if (require.main === module) void main();
