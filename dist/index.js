import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  main
} from "./chunks/chunk-DLHIXPUT.js";
import "./chunks/chunk-DMJHD32A.js";
import "./chunks/chunk-5LVJ7XEU.js";
import "./chunks/chunk-P47DEKIX.js";
import "./chunks/chunk-XNDSDZBJ.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/index.ts
await main();
process.exit(process.exitCode ?? 0);
