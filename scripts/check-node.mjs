// Fails early, with the fix, when Node.js is older than package.json's "engines" allow.
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const [, major, minor] = /(\d+)\.(\d+)/.exec(wanted) ?? [];
const [haveMajor, haveMinor] = process.versions.node.split('.').map(Number);
if (haveMajor < Number(major) || (haveMajor === Number(major) && haveMinor < Number(minor))) {
  console.error(
    `Klyftkartan needs Node.js ${wanted}; this is ${process.version}.\nRun \`. scripts/node22.sh\` first (it installs Node 22 from the npm registry when missing).`,
  );
  process.exit(1);
}
