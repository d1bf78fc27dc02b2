/** Writes docs/rules.md from the rule catalogue (`npm run docs`). */
import * as fs from 'fs';
import * as path from 'path';
import { rulesMarkdown } from '../src/cli/rules-doc';

const file = path.resolve(__dirname, '../docs/rules.md');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, rulesMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
