// Action entry (runs.main): wiring only. The explicit exit makes sure a stray handle (a timer, a
// half-closed socket) can never keep the job step alive after the work is done.
import { main } from './main.js';

await main();
process.exit(process.exitCode ?? 0);
