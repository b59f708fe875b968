#!/usr/bin/env node
// The package's command line. Plain JavaScript so npm can link it as a bin; the commands
// themselves are TypeScript, run through tsx as `npm start` runs the server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/erp-lens/main.ts');
process.exitCode = await main(process.argv.slice(2));
