// Every npm script runs on Node 22+: npm puts node_modules/.bin first on PATH, and the `node@22`
// dev dependency installs a Node 22 binary there. This check makes a wrong runtime fail loudly.
// 22.18 is the first Node 22 that strips TypeScript types by default (buildGenomeAssets imports
// shared/genome/gtfExons.ts).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Cohort Desk needs Node 22.18 or newer for its scripts; this is ${process.version}. ` +
      'Run `npm install` so node_modules/.bin/node (the node@22 package) is present, then use npm scripts.',
  );
  process.exit(1);
}
