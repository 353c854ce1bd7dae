// Copies the files the apps read at run time as they are (the web chat page, dictionaries, trained models) next to
// the compiled code: every file under apps/*/src and libs/*/src that is not TypeScript.
const { cpSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');

function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (!name.endsWith('.ts')) cpSync(path, join(root, 'dist', relative(root, path)));
  }
}

for (const top of ['apps', 'libs']) {
  for (const project of readdirSync(join(root, top))) copyAssets(join(root, top, project, 'src'));
}
