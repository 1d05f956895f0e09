/** Runs the CLI from source (`node --import tsx src/cli/run.ts ...`), as tests that spawn processes do. */
import { main } from './main.js';

main(process.argv).then((code) => { process.exitCode = code; });
