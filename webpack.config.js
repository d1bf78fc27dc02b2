/**
 * The web build: the task pane and its ribbon commands (for Excel), and the workbench (the same task
 * pane beside an in-browser workbook, for machines without Excel and for the end-to-end tests).
 * Output goes to dist/web only; dist/cli and the rest belong to tsc.
 *
 * Type checking is `npm run typecheck`; ts-loader only strips types here, which keeps builds fast.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');

const root = __dirname;
const out = path.join(root, 'dist', 'web');
const officeJs = path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');

/** The sample workbooks the workbench offers: every workbook in examples/, copied to samples/. */
const samples = fs
  .readdirSync(path.join(root, 'examples'))
  .filter((f) => /\.xlsx$/.test(f))
  .map((f) => f.replace(/\.xlsx$/, ''))
  .sort();

const allPages = [
  { name: 'taskpane', entry: 'src/taskpane/office-entry.tsx', template: 'src/taskpane/taskpane.html' },
  { name: 'commands', entry: 'src/taskpane/commands.ts', template: 'src/taskpane/commands.html' },
  { name: 'workbench', entry: 'src/workbench/index.tsx', template: 'src/workbench/workbench.html' },
];
// PAGES=workbench builds a subset (quicker while working on one page); the default is every page.
const only = process.env.PAGES ? process.env.PAGES.split(',').map((s) => s.trim()) : null;
const pages = only ? allPages.filter((p) => only.includes(p.name)) : allPages;

for (const p of pages) {
  for (const f of [p.entry, p.template]) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`webpack.config.js: ${f} is missing (page "${p.name}")`);
  }
}

/**
 * Office.js as office.js loads it for Excel: the loader, its promise polyfill, the host mapping table,
 * the Excel host scripts and each locale's strings. Debug builds, maps, IntelliSense files and the
 * other Office hosts' scripts (Outlook, Word, OneNote, …) are left out: they are most of its 86 MB.
 */
const OTHER_HOSTS = /^(access|onenote|outlook|powerpoint|project|visio|word)/i;
function keepOfficeFile(absolute) {
  const rel = path.relative(officeJs, absolute).split(path.sep).join('/');
  const base = path.basename(rel);
  if (/\.debug\.js$|\.map$|\.d\.ts$|-vsdoc\.js$/.test(base)) return false;
  if (!rel.includes('/')) return base.endsWith('.js') && !OTHER_HOSTS.test(base);
  // Locale folders hold office_strings.js (kept) and outlook_strings.js (not ours).
  return !/^outlook_strings/.test(base);
}

/**
 * ExcelJS's browser bundle comes minified; minifying its 940 kB again costs about a quarter of the
 * build's time and saves under 1%, so its chunk is marked as minified before the minimizer runs.
 */
class PreMinifiedChunks {
  apply(compiler) {
    compiler.hooks.compilation.tap('PreMinifiedChunks', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PreMinifiedChunks', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (/^exceljs\.[^/]*\.js$/.test(name)) compilation.updateAsset(name, (s) => s, { minimized: true });
          }
        },
      );
    });
  }
}

/**
 * Office's development certificate when it is installed (`npm run certs`), else plain http. Only an
 * existing certificate is used: installing one adds a CA to the system's trust store, which a dev
 * server must not do on its own.
 */
async function serverOptions() {
  const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
  const present = ['ca.crt', 'localhost.crt', 'localhost.key'].every((f) => fs.existsSync(path.join(dir, f)));
  if (!present) {
    console.warn('webpack dev server: no Office development certificate (npm run certs installs one); serving http');
    return { type: 'http' };
  }
  try {
    const options = await require('office-addin-dev-certs').getHttpsServerOptions();
    return { type: 'https', options };
  } catch (e) {
    console.warn(`webpack dev server: the Office development certificate is not usable (${e instanceof Error ? e.message : e}); serving http`);
    return { type: 'http' };
  }
}

module.exports = async (_env, argv) => {
  const production = argv.mode !== 'development';
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    mode: production ? 'production' : 'development',
    context: root,
    // The pages' CSP has no 'unsafe-eval': eval-based source maps (webpack's dev default) would not run.
    devtool: production ? false : 'source-map',
    entry: Object.fromEntries(pages.map((p) => [p.name, `./${p.entry}`])),
    output: {
      path: out,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
      publicPath: 'auto',
    },
    target: 'web',
    // Minifying the vendor chunk is most of a build; the cache keeps it between builds (and test runs).
    cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      alias: {
        // ExcelJS's browser bundle carries its own zip and stream code; its Node entry would need polyfills.
        exceljs$: path.join(root, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js'),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(root, 'tsconfig.json'),
              // ES modules let webpack drop what is not used (most of Fluent UI).
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: !production },
            },
          },
        },
      ],
      // The ExcelJS bundle is already built; parsing it again for require() calls only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.bare)?(\.min)?\.js$/,
    },
    optimization: {
      // One compress pass: a second one saves about 1% of the bundle and doubles the build's time.
      minimizeOptions: { javascript: { compress: { passes: 1 } } },
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          exceljs: { test: /[\\/]exceljs[\\/]/, name: 'exceljs', priority: 20 },
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', priority: 10 },
          // The core and the pane, shared by the task pane and the workbench.
          common: { minChunks: 2, name: 'common', priority: 0, reuseExistingChunk: true },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new PreMinifiedChunks(),
      new DefinePlugin({ WORKBENCH_SAMPLES: JSON.stringify(samples) }),
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            scriptLoading: 'defer',
            inject: 'body',
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
          { from: 'examples/*.xlsx', to: 'samples/[name][ext]' },
          {
            from: officeJs,
            to: 'office-js',
            filter: keepOfficeFile,
            globOptions: { dot: false },
            // Microsoft's files as published: minifying them again would only risk breaking them.
            info: { minimized: true },
          },
        ],
      }),
    ],
    stats: production ? 'errors-warnings' : 'minimal',
    ...(serving
      ? {
          devServer: {
            port: Number(process.env.PORT) || 3000,
            host: 'localhost',
            server: await serverOptions(),
            static: false,
            // The pages allow no websocket (connect-src), so no hot reload and no client.
            hot: false,
            liveReload: false,
            client: false,
            webSocketServer: false,
            devMiddleware: { writeToDisk: false },
          },
        }
      : {}),
  };
};
