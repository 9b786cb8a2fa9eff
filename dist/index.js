import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  main
} from "./chunks/chunk-XYU6J7XS.js";
import "./chunks/chunk-SSXNFCTG.js";
import "./chunks/chunk-5LVJ7XEU.js";
import "./chunks/chunk-S5ESAYDK.js";
import "./chunks/chunk-7CWRHQBB.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/index.ts
await main();
process.exit(process.exitCode ?? 0);
