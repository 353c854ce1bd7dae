// Copies the files the apps serve as they are (the web chat page) next to the compiled code.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
for (const folder of ['apps/gateway/src/webchat/public']) {
  cpSync(join(root, folder), join(root, 'dist', folder), { recursive: true });
}
